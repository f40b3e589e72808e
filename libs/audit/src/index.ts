export { AuditCoreModule } from './audit-core.module.js';
export { readSigningKey, readTrustedKey } from './audit-keys.js';
export { AuditRecorder } from './audit-recorder.js';
export { AuditSealer, type CheckpointPublisher } from './audit-sealer.js';
export { AuditStore, type Chain } from './audit-store.js';
export { FindingLineage, type Lineage, type LineageStep, type LineageTopics } from './finding-lineage.js';
export { verifyAuditStore, type AuditVerification, type VerificationProgress } from './audit-verification.js';
export { openAuditStore } from './open-audit-store.js';
export { checkpointRecords, readPublishedCheckpoints, type PublishedCheckpoints } from './published-checkpoints.js';
