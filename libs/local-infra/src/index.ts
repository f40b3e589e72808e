export { freePort, isPortTaken } from './free-port.js';
export { ensureKafkaDistribution, type KafkaDistribution } from './kafka-distribution.js';
export { adminPortOf, LocalKafkaBroker, membersPortOf, type LocalKafkaBrokerOptions } from './local-kafka-broker.js';
export { localBrokerSecurity, type LocalBrokerSecurity } from './local-broker-security.js';
export { LocalPostgres, type LocalPostgresOptions } from './local-postgres.js';
export { pollUntil, type PollOptions } from './poll-until.js';
export { findProjectRoot } from './project-root.js';
export { spawnHubApp, type HubAppOptions } from './hub-app-process.js';
export { startScratchInfrastructure, type ScratchInfrastructure, type ScratchInfrastructureOptions } from './scratch-infrastructure.js';
