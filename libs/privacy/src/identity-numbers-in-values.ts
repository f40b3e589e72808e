import { replaceIdentityNumbers } from '@hub/contracts';
import type { Pseudonymiser } from './pseudonymiser.js';

/**
 * Applies a replacement to every identity number anywhere in a JSON value, wherever it stands in a
 * string: inside longer tokens, in full-width digits, with separators, in the 15-digit form
 * (findIdentityNumbers). The replacement gets the 18-character form.
 */
function replaceInValue(value: unknown, replace: (identityNumber: string) => string): unknown {
  if (typeof value === 'string') return replaceIdentityNumbers(value, replace);
  if (Array.isArray(value)) return value.map((item) => replaceInValue(item, replace));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replaceInValue(child, replace)]));
  return value;
}

/**
 * Replaces every identity number in a value (even in a field no contract classifies, or one that
 * fails its check) by its person pseudonym: for records that leave the gateway without having
 * passed a contract, such as rejected ones on the dead-letter topic.
 */
export function pseudonymiseIdentityNumbers(value: unknown, pseudonymiser: Pseudonymiser): unknown {
  return replaceInValue(value, (identityNumber) => pseudonymiser.pseudonymise('person', identityNumber));
}

/** Masks identity numbers the way Chinese public services display them: region code and last four kept, `640104********0512`. */
export function maskIdentityNumbers(value: unknown): unknown {
  return replaceInValue(value, (identityNumber) => `${identityNumber.slice(0, 6)}********${identityNumber.slice(-4)}`);
}
