import type { AbortedTransaction } from './record-batches.js';
import { int16, int32, int64, string } from './wire-encoding.js';

/** Fetch v4: the oldest version Kafka 4 still serves, and the last before sessions and leader epochs, which a one-pass reader does not need. */
const FETCH_API_KEY = 1;
const FETCH_VERSION = 4;
const READ_COMMITTED = 1;

export interface PartitionFetch {
  topic: string;
  partition: number;
  offset: number;
}

export interface FetchLimits {
  maxWaitMs: number;
  maxBytes: number;
  partitionMaxBytes: number;
}

export interface FetchedPartition {
  topic: string;
  partition: number;
  errorCode: number;
  aborted: AbortedTransaction[];
  recordSet: Buffer | null;
}

/** A whole Fetch request frame (size prefix, header v1, body), reading committed records only. */
export function fetchRequest(correlationId: number, clientId: string, limits: FetchLimits, partitions: readonly PartitionFetch[]): Buffer {
  const byTopic = new Map<string, PartitionFetch[]>();
  for (const fetch of partitions) {
    const fetches = byTopic.get(fetch.topic);
    if (fetches) fetches.push(fetch);
    else byTopic.set(fetch.topic, [fetch]);
  }
  const parts: Buffer[] = [int16(FETCH_API_KEY), int16(FETCH_VERSION), int32(correlationId), string(clientId)];
  parts.push(int32(-1), int32(limits.maxWaitMs), int32(1), int32(limits.maxBytes), Buffer.from([READ_COMMITTED]), int32(byTopic.size));
  for (const [topic, fetches] of byTopic) {
    parts.push(string(topic), int32(fetches.length));
    for (const fetch of fetches) parts.push(int32(fetch.partition), int64(fetch.offset), int32(limits.partitionMaxBytes));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length), body]);
}

/** The partitions of a Fetch v4 response (the frame after its size prefix and correlation id). */
export function fetchResponse(frame: Buffer): FetchedPartition[] {
  let at = 4; // throttle time
  const readString = () => {
    const length = frame.readInt16BE(at);
    at += 2;
    const text = frame.toString('utf8', at, at + length);
    at += length;
    return text;
  };
  const partitions: FetchedPartition[] = [];
  const topics = frame.readInt32BE(at);
  at += 4;
  for (let t = 0; t < topics; t++) {
    const topic = readString();
    const count = frame.readInt32BE(at);
    at += 4;
    for (let p = 0; p < count; p++) {
      const partition = frame.readInt32BE(at);
      const errorCode = frame.readInt16BE(at + 4);
      at += 4 + 2 + 8 + 8; // high watermark, last stable offset
      const abortedCount = frame.readInt32BE(at);
      at += 4;
      const aborted: AbortedTransaction[] = [];
      for (let a = 0; a < abortedCount; a++) {
        aborted.push({ producerId: frame.readBigInt64BE(at), firstOffset: Number(frame.readBigInt64BE(at + 8)) });
        at += 16;
      }
      const length = frame.readInt32BE(at);
      at += 4;
      const recordSet = length < 0 ? null : frame.subarray(at, at + length);
      at += Math.max(length, 0);
      partitions.push({ topic, partition, errorCode, aborted, recordSet });
    }
  }
  return partitions;
}
