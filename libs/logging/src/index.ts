export { CORRELATION_HTTP_HEADER, currentCorrelationId, newCorrelationId, runWithCorrelation } from './correlation.js';
export { runInLogContext } from './log-context.js';
export { createLoggerParams, type ServiceIdentity } from './logger-params.js';
export { LoggingModule } from './logging.module.js';
export { PERSONAL_FIELD_PATHS, REDACTED, scrubIdentityNumbers } from './personal-data-redaction.js';
