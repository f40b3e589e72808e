/**
 * The layer map, checked on every `npm test` (deploy/bin/test.sh) by dependency-cruiser:
 * - the domain and the contract logic are pure: no framework, Kafka, database, file system or
 *   network, so a replay runs the very code the live path runs;
 * - platform libraries (configuration, errors, logging, messaging, persistence, health, the
 *   service platform module bundling them, runtime, the local infrastructure) sit below the feature libraries and import none of them, but the
 *   pure core every layer shares (the error base, the contract logic, the departments registry);
 * - libraries never import apps; apps import no Kafka or TypeORM internals; only libs/messaging
 *   imports kafkajs;
 * - no cycles, and no file that nothing imports and that imports nothing (an orphan).
 */
const PURE = '^libs/(contracts|privacy|ingest|access|precise-aid|demo-region|audit-chain|departments)/';
const PLATFORM = '^libs/(config|errors|logging|messaging|metrics|persistence|health|platform|runtime|local-infra|tracing)/';
/** Feature libraries: neither platform nor the pure core (errors, contracts, departments), which every layer may import. */
const FEATURES = '^libs/(access|audit|audit-chain|broker-access|console-users|contract-files|contract-registry|crosscheck|demo-region|department-simulation|deployment|gateway|hub-client|ingest|members|precise-aid|privacy|registry-client|replay)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be understood, tested or replaced alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module that nothing imports and that imports nothing is dead code (entry points, specs and declarations aside).',
      from: { orphan: true, pathNot: ['(^|/)main\\.ts$', '\\.spec\\.ts$', '\\.e2e-spec\\.ts$', '\\.d\\.ts$', '(^|/)index\\.ts$', '^bench/', '^deploy/', '^tests/', '^apps/cli/bin/'] },
      to: {},
    },
    {
      name: 'pure-domain-and-contracts',
      severity: 'error',
      comment: 'The domain and the contract logic run the same in the live path, a replay and a what-if: no framework, Kafka, database, files or network.',
      from: { path: PURE, pathNot: '\\.spec\\.ts$' },
      to: { path: ['^node_modules/(@nestjs|kafkajs|typeorm|pg)/', '^libs/(messaging|persistence)/'] },
    },
    {
      name: 'pure-domain-no-io',
      severity: 'error',
      comment: 'No file system, sockets or processes in the pure libraries.',
      from: { path: PURE, pathNot: '\\.spec\\.ts$' },
      to: { path: '^(node:)?(fs|net|child_process|http|https)$', dependencyTypes: ['core'] },
    },
    {
      name: 'platform-below-features',
      severity: 'error',
      comment: 'Platform libraries are what every feature stands on; they import no feature.',
      from: { path: PLATFORM },
      to: { path: FEATURES },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'only-messaging-imports-kafkajs',
      severity: 'error',
      comment: 'kafkajs stays behind libs/messaging, so the client can be swapped.',
      from: { pathNot: '^(libs/messaging/|tests/|bench/)' },
      to: { path: '^node_modules/kafkajs/' },
    },
    {
      name: 'apps-no-kafka-or-typeorm',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^node_modules/(kafkajs|typeorm)/' },
    },
    {
      name: 'errors-no-framework',
      severity: 'error',
      comment: 'The error base is below everything, framework included.',
      from: { path: '^libs/errors/' },
      to: { path: '^node_modules/(@nestjs|kafkajs|typeorm)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.hub|\\.cache)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
