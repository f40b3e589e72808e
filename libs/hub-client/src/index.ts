export type {
  BulkLoad,
  CsvMapping,
  Finding,
  FindingPage,
  FindingResponse,
  FindingReveal,
  PublishOutcome,
  RecordedFindingResponse,
  SubmissionRecord,
  UnjustifiedFactRead,
  UnjustifiedFactReadPage,
} from './generated/gateway-api.js';
export { HubClient, type FindingQuery, type HubClientOptions } from './hub-client.js';
export { HubClientError } from './hub-client-error.js';
