/**
 * Log fields that may hold personal data, wherever they appear (pino redact paths).
 * The hub's contracts name these fields; a new personal field belongs here too.
 */
export const PERSONAL_FIELD_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  ...['idNumber', 'identityNumber', 'residentIdNumber', 'name', 'fullName', 'phone', 'mobile', 'address', 'birthDate'].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export const REDACTED = '[REDACTED]';

/**
 * Masks anything shaped like a resident identity number in free text, so one pasted into an
 * error message or a URL never reaches a log line. Field redaction alone cannot catch those.
 */
export { scrubIdentityNumbers } from '@hub/contracts';
