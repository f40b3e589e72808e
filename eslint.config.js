// @ts-check
import tseslint from 'typescript-eslint';

/**
 * ESLint with typescript-eslint's strict, type-checked rules over the apps, libraries, tests,
 * benchmarks and launcher; run by npm test (deploy/bin/test.sh) and `npx eslint .`.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.hub/**', '.cache/**', 'libs/contracts/src/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read naturally in messages (`第${grade}年级`, `retry ${attempt}`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // The code is compiled with noUncheckedIndexedAccess, and asserts `!` where the shape guarantees a value
      // (an index within bounds, a key just set); banning it would trade each for a branch that cannot run.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Unused by design: a leading underscore, or a property left out by a rest pattern.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
