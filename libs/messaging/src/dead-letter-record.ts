import type { HubError } from '@hub/errors';
import type { InboundRecord } from './inbound-record.js';
import type { OutboundRecord } from './outbound-record.js';
import { RecordHeader } from './record-headers.js';

export interface DeadLetterCause {
  error: HubError;
  attempts: number;
  consumerGroup: string;
  failedAt: Date;
}

/**
 * The dead letter keeps the original key, value and headers byte for byte, so it can be replayed
 * as it was, and adds why it failed and where it came from.
 */
export function deadLetterRecord(deadLetterTopic: string, record: InboundRecord, cause: DeadLetterCause): OutboundRecord {
  return {
    topic: deadLetterTopic,
    key: record.key,
    value: record.value,
    headers: {
      ...record.headers,
      [RecordHeader.DeadLetterErrorCode]: cause.error.code,
      [RecordHeader.DeadLetterErrorMessage]: cause.error.message.slice(0, 2000),
      [RecordHeader.DeadLetterSourceTopic]: record.topic,
      [RecordHeader.DeadLetterSourcePartition]: String(record.partition),
      [RecordHeader.DeadLetterSourceOffset]: record.offset,
      [RecordHeader.DeadLetterAttempts]: String(cause.attempts),
      [RecordHeader.DeadLetterConsumerGroup]: cause.consumerGroup,
      [RecordHeader.DeadLetterFailedAt]: cause.failedAt.toISOString(),
    },
  };
}
