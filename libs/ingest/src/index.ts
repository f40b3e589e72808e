export type { IngestRecord, Rejection } from './ingest-record.js';
export { csvMappingProblems, type CsvMapping } from './csv-mapping.js';
export { parseCsvSubmission } from './parse-csv-submission.js';
export { entryFromValue, parseJsonSubmission, parseNdjsonSubmission } from './parse-json-submission.js';
export { prepareCanonicalEvent, type IngestContract, type PreparedEvent } from './prepare-canonical-event.js';
export { SUBMISSION_FORMATS, SubmissionError, type SubmissionEntry, type SubmissionFormat } from './submission.js';
