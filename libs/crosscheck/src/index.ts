export { canonicalEventOf, type CanonicalEvent } from './canonical-event.js';
export { CrosscheckCoreModule } from './crosscheck-core.module.js';
export { CrosscheckEngine } from './crosscheck-engine.js';
export { InMemoryCrosscheckState } from './in-memory-crosscheck-state.js';
export { PostgresCrosscheckState } from './postgres-crosscheck-state.js';
export type { CrosscheckState, StateBatch } from './crosscheck-state.js';
export { BulkLoadHold, type ReleasedLoad } from './bulk-load-hold.js';
export { FINDING_EVENT_TYPE, FindingPublisher } from './finding-publisher.js';
export type { RecordedResponse } from './finding-store.js';
