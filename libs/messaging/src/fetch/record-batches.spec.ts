import { registerCompressionCodecs } from '../compression/kafkajs-codecs.js';
import { kafkajsRecordBatch } from '../compression/kafkajs-record-batch.spec-support.js';
import { decodeRecordBatches } from './record-batches.js';

/** A record batch (v2) header with no records, as a broker would send it. */
function batchHeader(baseOffset: number, lastOffsetDelta: number, attributes: number): Buffer {
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(BigInt(baseOffset), 0);
  header.writeInt32BE(61 - 12, 8);
  header.writeInt8(2, 16);
  header.writeInt16BE(attributes, 21);
  header.writeInt32BE(lastOffsetDelta, 23);
  header.writeBigInt64BE(-1n, 43);
  return header;
}

describe('decoding the record batches of a fetch', () => {
  it.each([
    ['gzip', 1],
    ['snappy', 2],
    ['lz4', 3],
    ['zstd', 4],
  ])('reads a batch compressed with %s as kafkajs wrote it', async (_codec, compression) => {
    registerCompressionCodecs();
    const batch = await kafkajsRecordBatch(compression, 40, [
      { key: 'k-1', value: 'one', headers: { ce_id: 'a' } },
      { key: 'k-2', value: 'two', headers: { ce_id: 'b' } },
    ]);

    const { records, nextOffset } = decodeRecordBatches(batch, { topic: 'hub.topic', partition: 3, from: 40, to: 100 }, []);
    expect(records.map((r) => [r.offset, r.key, r.value?.toString(), r.headers['ce_id']])).toEqual([
      ['40', 'k-1', 'one', 'a'],
      ['41', 'k-2', 'two', 'b'],
    ]);
    expect(nextOffset).toBe(42);
  });

  it('names the partition, the offset and the reason of a batch it cannot inflate', () => {
    const snappyWithoutRecords = batchHeader(40, 2, 2);

    expect(() => decodeRecordBatches(snappyWithoutRecords, { topic: 'hub.topic', partition: 3, from: 40, to: 100 }, [])).toThrow(
      'hub.topic/3: the batch at offset 40 cannot be read: the snappy batch is malformed: no length at its start',
    );
  });

  it('leaves a batch cut short at the end of the response for the next fetch', () => {
    const whole = batchHeader(10, 4, 0);
    const cut = Buffer.concat([whole, batchHeader(15, 4, 0).subarray(0, 30)]);

    expect(decodeRecordBatches(cut, { topic: 'hub.topic', partition: 0, from: 10, to: 100 }, [])).toEqual({ records: [], nextOffset: 15 });
  });

  it('moves past a control batch, which holds no records of the log', () => {
    const marker = batchHeader(7, 0, 0x20 | 0x10);

    expect(decodeRecordBatches(marker, { topic: 'hub.topic', partition: 0, from: 7, to: 100 }, [])).toEqual({ records: [], nextOffset: 8 });
  });
});
