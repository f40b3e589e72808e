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
  it('names the partition, the offset and the codec of a batch compressed with a codec it does not read', () => {
    const snappy = batchHeader(40, 2, 2);

    expect(() => decodeRecordBatches(snappy, { topic: 'hub.topic', partition: 3, from: 40, to: 100 }, [])).toThrow('hub.topic/3: the batch at offset 40 is compressed with snappy');
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
