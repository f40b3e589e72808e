export { CORRELATION_HTTP_HEADER, currentCorrelationId, newCorrelationId, runWithCorrelation } from './correlation.js';
export { runInLogContext } from './log-context.js';
export type { ServiceIdentity } from './logger-params.js';
export { LoggingModule } from './logging.module.js';
export { scrubIdentityNumbers } from './personal-data-redaction.js';
