import type { InboundRecord } from './inbound-record.js';
import { RecordHeader } from './record-headers.js';

/** A dead letter as operators see it: where it came from and why it failed, from its headers; never its value. */
export interface DeadLetterEntry {
  partition: number;
  offset: string;
  sourceTopic: string;
  sourcePartition: number | null;
  sourceOffset: string;
  consumerGroup: string;
  errorCode: string;
  errorMessage: string;
  attempts: number | null;
  failedAt: string;
}

const numberOrNull = (value: string | undefined) => (value === undefined || !/^\d+$/.test(value) ? null : Number(value));

/** The dead letter's provenance and cause, as `deadLetterRecord` wrote them; a header that is missing reads as empty. */
export function deadLetterEntryOf(record: InboundRecord): DeadLetterEntry {
  const header = (name: string) => record.headers[name] ?? '';
  return {
    partition: record.partition,
    offset: record.offset,
    sourceTopic: header(RecordHeader.DeadLetterSourceTopic),
    sourcePartition: numberOrNull(record.headers[RecordHeader.DeadLetterSourcePartition]),
    sourceOffset: header(RecordHeader.DeadLetterSourceOffset),
    consumerGroup: header(RecordHeader.DeadLetterConsumerGroup),
    errorCode: header(RecordHeader.DeadLetterErrorCode),
    errorMessage: header(RecordHeader.DeadLetterErrorMessage),
    attempts: numberOrNull(record.headers[RecordHeader.DeadLetterAttempts]),
    failedAt: header(RecordHeader.DeadLetterFailedAt),
  };
}
