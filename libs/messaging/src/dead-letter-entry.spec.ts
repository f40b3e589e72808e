import { ErrorCode, HubError } from '@hub/errors';
import { deadLetterEntryOf } from './dead-letter-entry.js';
import { deadLetterRecord } from './dead-letter-record.js';
import type { InboundRecord } from './inbound-record.js';

const original: InboundRecord = {
  topic: 'education.student-aid.granted.v1',
  partition: 2,
  offset: '41',
  key: 'k',
  value: Buffer.from('{"secret":"value"}'),
  headers: { ce_id: 'e1' },
  timestamp: '1780000000000',
};

/** The dead letter as a consumer of the dead-letter topic reads it back, at partition 0 offset 7. */
function readBack(headers: Record<string, string>): InboundRecord {
  return { topic: 'hub.deadletter', partition: 0, offset: '7', key: 'k', value: Buffer.from('{"secret":"value"}'), headers, timestamp: '1780000000001' };
}

describe('a dead letter as operators see it', () => {
  it('reads back where the record came from and why it failed, as deadLetterRecord wrote them', () => {
    const letter = deadLetterRecord('hub.deadletter', original, {
      error: new HubError(ErrorCode.BadRequest, 'the value is not JSON'),
      attempts: 3,
      consumerGroup: 'crosscheck',
      failedAt: new Date('2026-12-06T08:00:00.000Z'),
    });
    expect(deadLetterEntryOf(readBack(letter.headers as Record<string, string>))).toEqual({
      partition: 0,
      offset: '7',
      sourceTopic: 'education.student-aid.granted.v1',
      sourcePartition: 2,
      sourceOffset: '41',
      consumerGroup: 'crosscheck',
      errorCode: ErrorCode.BadRequest,
      errorMessage: 'the value is not JSON',
      attempts: 3,
      failedAt: '2026-12-06T08:00:00.000Z',
    });
  });

  it('carries nothing of the record’s value', () => {
    expect(JSON.stringify(deadLetterEntryOf(readBack({})))).not.toContain('secret');
  });

  it('reads a record without the dead-letter headers as empty, not as a failure', () => {
    expect(deadLetterEntryOf(readBack({}))).toMatchObject({ sourceTopic: '', sourcePartition: null, attempts: null, errorCode: '' });
  });
});
