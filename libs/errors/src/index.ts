export { ErrorCode } from './error-code.js';
export { HubError, type HubErrorOptions } from './hub-error.js';
export { errorCodeOfHttpStatus, httpStatusOf } from './http-status.js';
