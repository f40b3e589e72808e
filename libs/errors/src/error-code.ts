/**
 * The closed set of error codes the hub raises. Machinery (retries, dead letters, HTTP mapping)
 * reads the code and the flags on HubError, never class names or message text.
 */
export const ErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  KafkaUnavailable: 'KAFKA_UNAVAILABLE',
  KafkaPublishFailed: 'KAFKA_PUBLISH_FAILED',
  UnexpectedKafkaResponse: 'UNEXPECTED_KAFKA_RESPONSE',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  UnexpectedDatabaseResponse: 'UNEXPECTED_DATABASE_RESPONSE',
  RecordRejected: 'RECORD_REJECTED',
  RecordUnreadable: 'RECORD_UNREADABLE',
  HandlerFailed: 'HANDLER_FAILED',
  NoHandler: 'NO_HANDLER',
  LocalInfraFailed: 'LOCAL_INFRA_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadRequest: 'BAD_REQUEST',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  NotReady: 'NOT_READY',
  ReplayNotSliceable: 'REPLAY_NOT_SLICEABLE',
  ReplayWorkerFailed: 'REPLAY_WORKER_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
