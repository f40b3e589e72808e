import { ErrorCode, HubError } from '@hub/errors';
import { deadLetterRecord } from './dead-letter-record.js';
import type { InboundRecord } from './inbound-record.js';

describe('deadLetterRecord', () => {
  const original: InboundRecord = {
    topic: 'civil-affairs.household-status.changed.v1',
    partition: 2,
    offset: '41',
    key: 'hh-pseudonym-1',
    value: Buffer.from('{"status":"dibao"}'),
    headers: { ce_id: 'evt-1', ce_correlationid: 'corr-1' },
    timestamp: '1764460800000',
  };
  const failedAt = new Date('2026-11-30T01:00:00Z');
  const letter = deadLetterRecord('hub.deadletter', original, {
    error: new HubError(ErrorCode.RecordRejected, 'effectiveFrom is after effectiveTo'),
    attempts: 3,
    consumerGroup: 'crosscheck',
    failedAt,
  });

  it('keeps the original key, value and headers unchanged', () => {
    expect(letter.topic).toBe('hub.deadletter');
    expect(letter.key).toBe(original.key);
    expect(letter.value).toBe(original.value);
    expect(letter.headers).toMatchObject(original.headers);
  });

  it('records the reason, the source position and the attempts in headers', () => {
    expect(letter.headers).toMatchObject({
      hub_dlq_error_code: 'RECORD_REJECTED',
      hub_dlq_error_message: 'effectiveFrom is after effectiveTo',
      hub_dlq_source_topic: original.topic,
      hub_dlq_source_partition: '2',
      hub_dlq_source_offset: '41',
      hub_dlq_attempts: '3',
      hub_dlq_consumer_group: 'crosscheck',
      hub_dlq_failed_at: '2026-11-30T01:00:00.000Z',
    });
  });
});
