// @ts-check
import tseslint from 'typescript-eslint';

/**
 * ESLint with typescript-eslint's strict, type-checked rules over the apps, libraries, tests,
 * benchmarks and launcher; run by npm test (deploy/bin/test.sh) and `npx eslint .`. Where a rule
 * is set apart from the preset, the comment says why.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.hub/**', '.cache/**', 'libs/contracts/src/generated/**', 'libs/hub-client/src/generated/**', 'apps/console/web/src/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read naturally in messages (`第${grade}年级`, `retry ${attempt}`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // The code asserts `!` where the shape guarantees a value TypeScript cannot see (a map entry just set, a
      // group the pattern requires, a find over a list that holds it); banning it would trade each for a branch that cannot run.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Unused by design: a leading underscore, or a property left out by a rest pattern.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Nest modules are classes with a decorator and static `forRoot`: the framework's pattern.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true, allowStaticOnly: false }],
      // Nest and kafkajs take option objects typed as classes; a literal of the right shape is how they are meant to be given.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Handlers implement async interfaces (kafkajs eachMessage and eachBatch, codecs, ports) whether or not they await.
      '@typescript-eslint/require-await': 'off',
      // The checks at the hub's doors (decoded Kafka bytes, parsed JSON and CSV, rows from PostgreSQL) test values
      // whose declared type is what they should be, not yet what they are; the rule would remove exactly those.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `Promise<void>` and `Promise.withResolvers<void>()` are how TypeScript says "settles with nothing".
      '@typescript-eslint/no-invalid-void-type': 'off',
    },
  },
  {
    // Tests read HTTP bodies and log lines as `any` to assert on them; their assertions are the type check.
    files: ['tests/**/*.ts', '**/*.spec.ts', '**/*.spec-support.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // React's event handlers are arrow shorthands that set state (`onClick={() => setOpen(true)}`): the idiom, not a confusion.
    files: ['apps/console/web/**/*.tsx'],
    rules: { '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }] },
  },
);
