export { HubClient, type CsvMapping, type FindingQuery, type FindingResponse, type HubClientOptions, type SubmissionRecord } from './hub-client.js';
export { HubClientError } from './hub-client-error.js';
