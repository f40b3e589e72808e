/**
 * kafkajs's own record batch encoder and decoder (its protocol internals, untyped), for tests that
 * check what kafkajs makes of compressed batches: the consumer path goes through exactly these.
 */
// @ts-expect-error kafkajs ships no types for its protocol internals
import { RecordBatch as encodeRecordBatch } from 'kafkajs/src/protocol/recordBatch/v0/index.js';
// @ts-expect-error kafkajs ships no types for its protocol internals
import decodeRecordBatch from 'kafkajs/src/protocol/recordBatch/v0/decoder.js';
// @ts-expect-error kafkajs ships no types for its protocol internals
import encodeRecord from 'kafkajs/src/protocol/recordBatch/record/v0/index.js';
// @ts-expect-error kafkajs ships no types for its protocol internals
import Decoder from 'kafkajs/src/protocol/decoder.js';

export interface TestRecord {
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface DecodedRecord {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
}

/** A whole record batch (v2) as kafkajs's producer writes it, with the codec's number (0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd). */
export async function kafkajsRecordBatch(compression: number, firstOffset: number, records: readonly TestRecord[]): Promise<Buffer> {
  const encoded = await encodeRecordBatch({
    compression,
    firstOffset: String(firstOffset),
    lastOffsetDelta: records.length - 1,
    records: records.map((record, i) => encodeRecord({ offsetDelta: i, key: record.key, value: record.value, headers: record.headers ?? {} })),
  });
  return (encoded as { buffer: Buffer }).buffer;
}

/** The records kafkajs's consumer would see in a record batch. */
export async function kafkajsRecordsOf(batch: Buffer): Promise<DecodedRecord[]> {
  const decoded = (await decodeRecordBatch(new Decoder(batch))) as { records: DecodedRecord[] };
  return decoded.records;
}
