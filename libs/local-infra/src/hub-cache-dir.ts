import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the tools and jars the project fetches are kept (the broker's jars, the manifest
 * validator): HUB_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or ~/.cache), as Maven's
 * ~/.m2 and Go's module cache are. So a fresh clone of the project fetches nothing it has fetched before.
 */
export function hubCacheDir(...parts: string[]): string {
  const base = process.env['HUB_CACHE_DIR'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'ningxia-data-sharing-hub');
  return join(base, ...parts);
}
