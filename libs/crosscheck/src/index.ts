export { CrosscheckCoreModule } from './crosscheck-core.module.js';
export { CrosscheckEngine, type CanonicalEvent } from './crosscheck-engine.js';
export { FINDING_EVENT_TYPE, FindingPublisher } from './finding-publisher.js';
export type { FindingResponse } from './finding-store.js';
