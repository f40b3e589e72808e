import { entryFromKafkaRecord, type KafkaSubmission } from './kafka-submission-entry.js';
import { DEFAULT_SUBMISSION_LIMITS } from './submission-limits.js';

const headers = { ce_id: 'edu-1', ce_type: 'education.student-aid.granted.v1', ce_source: '/departments/education', ce_specversion: '1.0', 'content-type': 'application/json' };
const message = (changes: Partial<KafkaSubmission>): KafkaSubmission => ({ key: 'k', value: Buffer.from('{"grantNumber":"ZZ2026-1"}'), headers, ...changes });
const reasonOf = (record: KafkaSubmission) => {
  const entry = entryFromKafkaRecord(record, 0, DEFAULT_SUBMISSION_LIMITS);
  return 'unreadable' in entry ? entry.unreadable : entry.record;
};

describe("a record of a member's inbound topic as a submission entry", () => {
  it("is the CloudEvent's id, type, time and data", () => {
    expect(reasonOf(message({ headers: { ...headers, ce_time: '2026-10-20T08:00:00Z' } }))).toEqual({
      id: 'edu-1',
      type: 'education.student-aid.granted.v1',
      time: '2026-10-20T08:00:00Z',
      data: { grantNumber: 'ZZ2026-1' },
    });
  });

  it('is rejected when a CloudEvents header is given twice', () => {
    expect(reasonOf(message({ repeatedHeaders: ['ce_id'] }))).toEqual({ path: '/id', reason: 'is given more than once (header ce_id); a CloudEvents attribute has one value' });
  });

  it('is rejected when a required CloudEvents header is missing', () => {
    const { ce_type: _type, ...without } = headers;
    expect(reasonOf(message({ headers: without }))).toEqual({ path: '/type', reason: 'CloudEvent attribute "type" is missing (header ce_type)' });
  });

  it('is rejected when its value is larger than the record limit', () => {
    expect(reasonOf(message({ value: Buffer.alloc(300 * 1024, 0x20) }))).toEqual({ path: '/data', reason: "the record's value is larger than 262144 bytes (maxRecordBytes)" });
  });

  it('is rejected when its value is not UTF-8', () => {
    expect(reasonOf(message({ value: Buffer.from([0x7b, 0xd5, 0xc5, 0x7d]) }))).toEqual({ path: '/data', reason: 'is not UTF-8 text' });
  });

  it('is rejected, without being parsed, when its data nests deeper than the limit', () => {
    expect(reasonOf(message({ value: Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`) }))).toEqual({ path: '/data', reason: 'the record nests deeper than 32 levels (maxDepth)' });
  });

  it('is rejected when its id is longer than the gateway keeps', () => {
    expect(reasonOf(message({ headers: { ...headers, ce_id: 'x'.repeat(201) } }))).toEqual({ path: '/id', reason: 'must be 1 to 200 characters long; it is 201' });
  });
});
