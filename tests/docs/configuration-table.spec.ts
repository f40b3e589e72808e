import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';

const root = findProjectRoot();

/** Every setting an app or library reads: the `@Expose()`d properties of its environment class (`*-environment.ts`). */
function declaredSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const file of globSync('{apps,libs}/**/*-environment.ts', { cwd: root })) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!line.includes('@Expose()')) return;
      const declaration = lines.slice(index + 1).find((next) => /^\s+(override\s+)?[A-Z][A-Z0-9_]*[?!]?\s*[:=]/.test(next));
      const name = declaration && /^\s+(?:override\s+)?([A-Z][A-Z0-9_]*)/.exec(declaration)?.[1];
      if (name) settings.set(name, file);
    });
  }
  return settings;
}

describe('the configuration table (docs/operators.md)', () => {
  it('documents every setting the environment classes declare', () => {
    const table = readFileSync(join(root, 'docs/operators.md'), 'utf8');
    const settings = declaredSettings();
    expect(settings.size).toBeGreaterThan(40);
    expect([...settings].filter(([name]) => !table.includes(`\`${name}\``)).map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });
});
