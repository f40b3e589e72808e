import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | undefined;

/** The hub's version (package.json), stamped on every log line. */
export function serviceVersion(): string {
  if (cached) return cached;
  const packageJson = join(process.cwd(), 'package.json');
  cached = process.env['npm_package_version'] ?? (existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version : undefined) ?? 'unknown';
  return cached;
}
