export type { CsvMapping } from '@hub/ingest';
export { HubClient, type FindingQuery, type FindingResponse, type HubClientOptions, type SubmissionRecord } from './hub-client.js';
export { HubClientError } from './hub-client-error.js';
