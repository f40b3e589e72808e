/**
 * Log fields that may hold personal data, wherever they appear (pino redact paths).
 * The hub's contracts name these fields; a new personal field belongs here too.
 */
export const PERSONAL_FIELD_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  ...['idNumber', 'identityNumber', 'residentIdNumber', 'name', 'fullName', 'phone', 'mobile', 'address', 'birthDate'].flatMap(
    (field) => [field, `*.${field}`, `*.*.${field}`],
  ),
];

export const REDACTED = '[REDACTED]';

/** A resident identity number (GB 11643): 17 digits and a check character, not inside a longer number. */
const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * Masks anything shaped like a resident identity number in free text, so one pasted into an
 * error message or a URL never reaches a log line. Field redaction alone cannot catch those.
 */
export function scrubIdentityNumbers(text: string): string {
  return text.replace(IDENTITY_NUMBER, '[ID-REDACTED]');
}
