import { matchesGlob } from 'node:path';

/**
 * Whether a path of the build context (relative, with `/`) is left out of it by a `.dockerignore`:
 * as Docker reads the file, a pattern (Go's filepath.Match, with `**`) leaves out what it matches and
 * everything under it, a `!` pattern takes back in, and the last pattern that matches decides.
 */
export function dockerIgnore(text: string): (path: string) => boolean {
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => (line.startsWith('!') ? { include: true, glob: clean(line.slice(1)) } : { include: false, glob: clean(line) }));
  return (path) => {
    const parts = path.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const { include, glob } of patterns) if (prefixes.some((prefix) => matchesGlob(prefix, glob))) ignored = !include;
    return ignored;
  };
}

/** Docker cleans each pattern as a path: no leading `/` or `./`, no trailing `/`. */
const clean = (pattern: string) =>
  pattern
    .trim()
    .replace(/^(\.?\/)+/, '')
    .replace(/\/+$/, '');
