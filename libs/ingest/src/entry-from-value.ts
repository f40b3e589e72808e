import type { IngestRecord } from './ingest-record.js';
import type { SubmissionEntry } from './submission.js';

/** The longest record id or event type the gateway keeps (CloudEvents sets no bound; its ledger does). */
export const MAX_ID_LENGTH = 200;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one element of a submission as a record: `{ id, type, time?, data }`. */
export function entryFromValue(index: number, value: unknown): SubmissionEntry {
  if (!isObject(value)) return { index, unreadable: { path: '', reason: 'each record must be an object with id, type and data' }, raw: value };
  for (const field of ['id', 'type'] as const) {
    const text = value[field];
    if (typeof text !== 'string') return { index, unreadable: { path: `/${field}`, reason: 'is required and must be a string' }, raw: value };
    if (text.length === 0 || text.length > MAX_ID_LENGTH)
      return { index, unreadable: { path: `/${field}`, reason: `must be 1 to ${MAX_ID_LENGTH} characters long; it is ${text.length}` }, raw: value };
    if (/\p{Cc}/u.test(text) || !text.isWellFormed()) return { index, unreadable: { path: `/${field}`, reason: 'must not hold control characters or unpaired surrogates' }, raw: value };
  }
  if (!('data' in value)) return { index, unreadable: { path: '/data', reason: 'is required' }, raw: value };
  if (value['time'] !== undefined && typeof value['time'] !== 'string') return { index, unreadable: { path: '/time', reason: 'must be an ISO 8601 date-time string' }, raw: value };
  const extra = Object.keys(value).filter((key) => !['id', 'type', 'time', 'data'].includes(key));
  if (extra.length > 0) return { index, unreadable: { path: `/${extra[0]}`, reason: 'is not a record field (id, type, time, data)' }, raw: value };
  const control = controlCharacterAt(value['data'], '/data', 0);
  if (control !== undefined) {
    const reason =
      control.code === SURROGATE
        ? 'holds an unpaired UTF-16 surrogate, which is not text'
        : `holds the control character U+${control.code}; text may hold tab, line feed and carriage return, no other`;
    return { index, unreadable: { path: control.pointer, reason }, raw: value };
  }
  return { index, record: value as unknown as IngestRecord };
}

// C0 controls but tab, line feed and carriage return: no department's data holds them, and PostgreSQL's text cannot hold NUL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

const SURROGATE = 'surrogate';

/** The JSON pointer of the first string (value or key) holding a control character or an unpaired surrogate, if any. */
function controlCharacterAt(value: unknown, pointer: string, depth: number): { pointer: string; code: string } | undefined {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) return { pointer, code: SURROGATE };
    const found = CONTROL.exec(value);
    return found ? { pointer, code: found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') } : undefined;
  }
  // Deeper than any record the readers let through: nothing to look at there.
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const at = `${pointer}/${escapePointer(String(key))}`;
    const inKey = typeof key === 'string' ? controlCharacterAt(key, at, depth + 1) : undefined;
    const found = inKey ?? controlCharacterAt(item, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}
