export { ContractCatalog } from './contract-catalog.js';
export { CONTRACTS_TOPIC, type ContractChangeSink, type ContractState } from './contract-change.js';
export { ContractRegistry, type CompatibilityReport, type ContractSummary, type RegistrationPlan } from './contract-registry.js';
export { PostgresSchemaStore } from './postgres-schema-store.js';
export { RegistryError, RegistryErrorCode } from './registry-error.js';
export { LIFECYCLES, type Lifecycle, type SchemaStore, type StoredVersion } from './schema-store.js';
export { ContractRegistryModule } from './contract-registry.module.js';
export { type SampleCheckReport } from './sample-check.js';
export { TopicSampleChecker } from './topic-sample-checker.js';
