export type { IngestRecord, Rejection } from './ingest-record.js';
export { prepareCanonicalEvent, type IngestContract, type PreparedEvent } from './prepare-canonical-event.js';
