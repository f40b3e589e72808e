import type { IngestRecord } from './ingest-record.js';
import { SubmissionError, type SubmissionEntry } from './submission.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one element of a submission as a record: `{ id, type, time?, data }`. */
export function entryFromValue(index: number, value: unknown): SubmissionEntry {
  if (!isObject(value)) return { index, unreadable: { path: '', reason: 'each record must be an object with id, type and data' }, raw: value };
  for (const field of ['id', 'type'] as const) {
    if (typeof value[field] !== 'string') return { index, unreadable: { path: `/${field}`, reason: 'is required and must be a string' }, raw: value };
  }
  if (!('data' in value)) return { index, unreadable: { path: '/data', reason: 'is required' }, raw: value };
  if (value['time'] !== undefined && typeof value['time'] !== 'string') return { index, unreadable: { path: '/time', reason: 'must be an ISO 8601 date-time string' }, raw: value };
  const extra = Object.keys(value).filter((key) => !['id', 'type', 'time', 'data'].includes(key));
  if (extra.length > 0) return { index, unreadable: { path: `/${extra[0]}`, reason: 'is not a record field (id, type, time, data)' }, raw: value };
  return { index, record: value as unknown as IngestRecord };
}

/** A JSON array of records, or one record. @throws SubmissionError when the body is not JSON. */
export function parseJsonSubmission(text: string): SubmissionEntry[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new SubmissionError(`the body is not JSON: ${(error as Error).message}`);
  }
  return (Array.isArray(body) ? body : [body]).map((value, index) => entryFromValue(index, value));
}

/** One record per line; a line that is not JSON is that record's rejection, not the batch's. */
export function parseNdjsonSubmission(text: string): SubmissionEntry[] {
  return text
    .split('\n')
    .map((line, number) => ({ line: line.trim(), number: number + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }, index) => {
      try {
        return entryFromValue(index, JSON.parse(line));
      } catch (error) {
        return { index, unreadable: { path: '', reason: `line ${number} is not JSON: ${(error as Error).message}` }, raw: line };
      }
    });
}
