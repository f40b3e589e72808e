import type { Pseudonymiser } from './pseudonymiser.js';

/** Anything shaped like a resident identity number (GB 11643): 17 digits and a check character, not inside a longer token. */
const IDENTITY_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Applies a replacement to every identity-number-shaped piece of text anywhere in a JSON value. */
function replaceInValue(value: unknown, replace: (identityNumber: string) => string): unknown {
  if (typeof value === 'string') return value.replace(IDENTITY_NUMBER, replace);
  if (Array.isArray(value)) return value.map((item) => replaceInValue(item, replace));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replaceInValue(child, replace)]));
  return value;
}

/** Masks identity-number-shaped text in free text (for log lines). */
export function scrubIdentityNumbers(text: string, mask = '[ID-REDACTED]'): string {
  return text.replace(IDENTITY_NUMBER, mask);
}

/**
 * Replaces every identity-number-shaped text in a value (even a field no contract classifies, or
 * one that fails its check) by its person pseudonym: for records that leave the gateway without
 * having passed a contract, such as rejected ones on the dead-letter topic.
 */
export function pseudonymiseIdentityNumbers(value: unknown, pseudonymiser: Pseudonymiser): unknown {
  return replaceInValue(value, (identityNumber) => pseudonymiser.pseudonymise('person', identityNumber.toUpperCase()));
}

/** Masks identity numbers the way Chinese public services display them: region code and last four kept, `640104********0512`. */
export function maskIdentityNumbers(value: unknown): unknown {
  return replaceInValue(value, (identityNumber) => `${identityNumber.slice(0, 6)}********${identityNumber.slice(-4)}`);
}
