import { isUtf8 } from 'node:buffer';
import { EnvelopeError, fromKafkaBinary } from '@hub/contracts';
import { entryFromValue } from './entry-from-value.js';
import { jsonLimitProblem } from './json-limit-check.js';
import { TRUNCATED_MARKER } from './json-submission-reader.js';
import type { SubmissionEntry } from './submission.js';
import type { SubmissionLimits } from './submission-limits.js';

/** A record of a member's inbound topic, as the Kafka-native door receives it. */
export interface KafkaSubmission {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Header names the record carries more than once. */
  repeatedHeaders?: readonly string[];
}

const PREVIEW_BYTES = 1000;

/**
 * A record of an inbound topic as a submission entry: a CloudEvent in Kafka binary mode, its data
 * the record. What cannot be read is that record's rejection, naming the attribute and why: a
 * CloudEvents header given twice, a value over the size limit, not UTF-8, nested too deep, or not
 * JSON; the rejection keeps the start of the value.
 */
export function entryFromKafkaRecord(record: KafkaSubmission, index: number, limits: SubmissionLimits): SubmissionEntry {
  const value = record.value;
  const preview = value === null ? null : value.length > PREVIEW_BYTES ? `${value.subarray(0, PREVIEW_BYTES).toString('utf8')}${TRUNCATED_MARKER}` : value.toString('utf8');
  const raw = { key: record.key, headers: record.headers, value: preview };
  const unreadable = (path: string, reason: string): SubmissionEntry => ({ index, unreadable: { path, reason }, raw });
  const repeated = record.repeatedHeaders?.find((name) => name.startsWith('ce_') || name === 'content-type');
  if (repeated !== undefined) return unreadable(`/${repeated.replace(/^ce_/, '')}`, `is given more than once (header ${repeated}); a CloudEvents attribute has one value`);
  if (value !== null && value.length > limits.maxRecordBytes) return unreadable('/data', `the record's value is larger than ${limits.maxRecordBytes} bytes (maxRecordBytes)`);
  if (value !== null && !isUtf8(value)) return unreadable('/data', 'is not UTF-8 text');
  const tooMuch = value === null ? undefined : jsonLimitProblem(value.toString('utf8'), limits);
  if (tooMuch !== undefined) return unreadable('/data', tooMuch);
  try {
    const event = fromKafkaBinary(record);
    // The same checks of id and type as a record sent over HTTP.
    return entryFromValue(index, { id: event.id, type: event.type, ...(event.time ? { time: event.time } : {}), data: event.data });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return unreadable(`/${error.attribute}`, error.message);
  }
}
