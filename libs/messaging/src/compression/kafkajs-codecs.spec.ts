import { registerCompressionCodecs } from './kafkajs-codecs.js';
import { kafkajsRecordBatch, kafkajsRecordsOf } from './kafkajs-record-batch.spec-support.js';
import { UNREADABLE_RECORD_HEADER } from './unreadable-records.js';

const records = [
  { key: 'h-1', value: '{"id":"a"}', headers: { ce_id: 'a', ce_type: 'education.student-aid.granted.v1' } },
  { key: 'h-2', value: '{"id":"b"}', headers: { ce_id: 'b', ce_type: 'education.student-aid.granted.v1' } },
  { key: 'h-3', value: '{"id":"c"}' },
];
const LZ4_MAGIC = Buffer.from([0x04, 0x22, 0x4d, 0x18]);

describe("kafkajs with the hub's compression codecs", () => {
  beforeAll(() => {
    registerCompressionCodecs();
  });

  it.each([
    ['gzip', 1],
    ['snappy', 2],
    ['lz4', 3],
    ['zstd', 4],
  ])('reads a batch compressed with %s as the records that were sent', async (_codec, compression) => {
    const read = await kafkajsRecordsOf(await kafkajsRecordBatch(compression, 500, records));

    expect(read.map((r) => [r.offset, r.key?.toString(), r.value?.toString(), r.headers['ce_id']?.toString()])).toEqual([
      ['500', 'h-1', '{"id":"a"}', 'a'],
      ['501', 'h-2', '{"id":"b"}', 'b'],
      ['502', 'h-3', '{"id":"c"}', undefined],
    ]);
  });

  it('reads a batch it cannot inflate as one record per offset, each marked unreadable with the reason, the first keeping the compressed bytes', async () => {
    const batch = await kafkajsRecordBatch(3, 500, records);
    const compressedAt = batch.indexOf(LZ4_MAGIC);
    const compressed = Buffer.from(batch.subarray(compressedAt));
    batch.fill(0, compressedAt, compressedAt + 4); // no longer an LZ4 frame

    const read = await kafkajsRecordsOf(batch);

    expect(read.map((r) => [r.offset, r.key, r.headers[UNREADABLE_RECORD_HEADER]?.toString()])).toEqual([
      ['500', null, 'the lz4 batch is malformed: not an LZ4 frame'],
      ['501', null, 'the lz4 batch is malformed: not an LZ4 frame'],
      ['502', null, 'the lz4 batch is malformed: not an LZ4 frame'],
    ]);
    expect(read[0].value!.subarray(4).equals(compressed.subarray(4))).toBe(true);
    expect(read.slice(1).map((r) => r.value)).toEqual([null, null]);
  });
});
