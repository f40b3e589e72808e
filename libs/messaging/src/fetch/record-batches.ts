import { ErrorCode, HubError } from '@hub/errors';
import { CODEC_BY_ATTRIBUTE, decompressRecords } from '../compression/record-codecs.js';
import type { InboundRecord } from '../inbound-record.js';

/** Which records of a partition are wanted: offsets from `from` up to `to` (exclusive). */
export interface OffsetRange {
  topic: string;
  partition: number;
  from: number;
  to: number;
}

/**
 * Which records to decode, by the bytes of their key (`bytes` from `start` up to `end`; null for a
 * record without one): the others are skipped before anything of them is decoded, the key included.
 */
export type KeyFilter = (bytes: Buffer | null, start: number, end: number) => boolean;

/** A transaction the broker reports aborted in the fetched range: its records are not part of the log as read committed. */
export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: number;
}

export interface DecodedRecordSet {
  /** Header values decoded to text, values views into the fetched bytes. */
  records: InboundRecord[];
  /** Where the next fetch starts: after the last complete batch (control batches and compacted gaps included). */
  nextOffset: number;
}

/** Bytes of a record batch (v2) before its records; the batch length counts from byte 12 on. */
const BATCH_HEADER_BYTES = 61;
const LOG_OVERHEAD = 12;
const COMPRESSION_MASK = 0x07;
const LOG_APPEND_TIME = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;

class Cursor {
  constructor(
    readonly bytes: Buffer,
    public at: number,
  ) {}

  /** A zigzag varint (up to 53 bits, which covers every length, delta and count Kafka writes). */
  varint(): number {
    let result = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.bytes[this.at++]!;
      result += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  }

  slice(length: number): Buffer {
    const slice = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  /** Decoded in place: no Buffer view is made for a short text. */
  text(length: number): string {
    const text = this.bytes.toString('utf8', this.at, this.at + length);
    this.at += length;
    return text;
  }
}

/**
 * Decodes the record batches (message format v2, the only one Kafka 4 writes) that a fetch gave for
 * one partition: the records in the range, leaving out those of aborted transactions and control
 * records. A batch cut short at the end of the response is left for the next fetch.
 */
export function decodeRecordBatches(recordSet: Buffer, range: OffsetRange, aborted: readonly AbortedTransaction[], keep?: KeyFilter): DecodedRecordSet {
  const place = `${range.topic}/${range.partition}`;
  const records: InboundRecord[] = [];
  const abortedByStart = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedProducers = new Set<bigint>();
  const recent = new RecentTexts();
  let nextOffset = range.from;
  let at = 0;
  while (recordSet.length - at >= BATCH_HEADER_BYTES) {
    const baseOffset = Number(recordSet.readBigInt64BE(at));
    const batchEnd = at + LOG_OVERHEAD + recordSet.readInt32BE(at + 8);
    if (batchEnd > recordSet.length) break;
    const magic = recordSet.readInt8(at + 16);
    if (magic !== 2)
      throw new HubError(ErrorCode.UnexpectedKafkaResponse, `${place}: the batch at offset ${baseOffset} is in message format v${magic}; only v2 is read`, {
        context: { place, offset: baseOffset, magic },
      });
    const attributes = recordSet.readInt16BE(at + 21);
    const lastOffset = baseOffset + recordSet.readInt32BE(at + 23);
    const producerId = recordSet.readBigInt64BE(at + 43);
    while (abortedByStart.length > 0 && abortedByStart[0].firstOffset <= lastOffset) abortedProducers.add(abortedByStart.shift()!.producerId);
    if (attributes & CONTROL) {
      // A commit or abort marker ends the producer's transaction.
      abortedProducers.delete(producerId);
    } else if (!(attributes & TRANSACTIONAL && abortedProducers.has(producerId))) {
      const baseTimestamp = Number(recordSet.readBigInt64BE(at + 27));
      const maxTimestamp = Number(recordSet.readBigInt64BE(at + 35));
      const count = recordSet.readInt32BE(at + 57);
      const body = recordsOf(recordSet.subarray(at + BATCH_HEADER_BYTES, batchEnd), attributes & COMPRESSION_MASK, place, baseOffset);
      readRecords(new Cursor(body, 0), recent, count, baseOffset, attributes & LOG_APPEND_TIME ? maxTimestamp : undefined, baseTimestamp, range, keep, records);
    }
    nextOffset = Math.max(nextOffset, lastOffset + 1);
    at = batchEnd;
  }
  return { records, nextOffset };
}

/**
 * The header texts of the record before, by position. Consecutive records of a partition carry the
 * same header names and many of the same values (spec version, type, source, content type), so
 * their bytes are compared with the earlier record's and its text reused, rather than a new string
 * decoded for each: a full region's replay decoded over a hundred million of them.
 */
class RecentTexts {
  private readonly buffers: Buffer[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly texts: string[] = [];

  read(cursor: Cursor, slot: number, length: number): string {
    const { bytes, at } = cursor;
    cursor.at += length;
    if (this.lengths[slot] === length && sameBytes(this.buffers[slot], this.starts[slot], bytes, at, length)) return this.texts[slot];
    const text = bytes.toString('utf8', at, at + length);
    this.buffers[slot] = bytes;
    this.starts[slot] = at;
    this.lengths[slot] = length;
    this.texts[slot] = text;
    return text;
  }
}

function sameBytes(a: Buffer, aFrom: number, b: Buffer, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/** A batch's records, inflated within the bound: a batch that is not readable stops the read, naming where it is. */
function recordsOf(body: Buffer, compression: number, place: string, baseOffset: number): Buffer {
  if (compression === 0) return body;
  const codec = CODEC_BY_ATTRIBUTE[compression as keyof typeof CODEC_BY_ATTRIBUTE];
  if (codec === undefined) {
    throw new HubError(ErrorCode.UnexpectedKafkaResponse, `${place}: the batch at offset ${baseOffset} names compression codec ${compression}, which Kafka does not define`, {
      context: { place, offset: baseOffset, compression },
    });
  }
  try {
    return decompressRecords(codec, body);
  } catch (error) {
    const reason = error instanceof HubError ? error.message : String(error);
    throw new HubError(ErrorCode.RecordUnreadable, `${place}: the batch at offset ${baseOffset} cannot be read: ${reason}`, { context: { place, offset: baseOffset, codec }, cause: error });
  }
}

function readRecords(
  cursor: Cursor,
  recent: RecentTexts,
  count: number,
  baseOffset: number,
  appendTime: number | undefined,
  baseTimestamp: number,
  range: OffsetRange,
  keep: KeyFilter | undefined,
  into: InboundRecord[],
): void {
  for (let i = 0; i < count; i++) {
    const end = cursor.varint() + cursor.at;
    cursor.at += 1; // record attributes: unused
    const timestampDelta = cursor.varint();
    const offset = baseOffset + cursor.varint();
    const keyLength = cursor.varint();
    if (keep && !(keyLength < 0 ? keep(null, 0, 0) : keep(cursor.bytes, cursor.at, cursor.at + keyLength))) {
      cursor.at = end;
      continue;
    }
    const key = keyLength < 0 ? null : cursor.text(keyLength);
    const valueLength = cursor.varint();
    const value = valueLength < 0 ? null : cursor.slice(valueLength);
    const headers: Record<string, string> = {};
    const headerCount = cursor.varint();
    for (let h = 0; h < headerCount; h++) {
      const name = recent.read(cursor, 2 * h, cursor.varint());
      const length = cursor.varint();
      if (length < 0) continue;
      const text = recent.read(cursor, 2 * h + 1, length);
      // Repeated headers are joined, as the hub's kafkajs records give them.
      headers[name] = headers[name] === undefined ? text : `${headers[name]},${text}`;
    }
    cursor.at = end;
    if (offset >= range.from && offset < range.to) {
      into.push({ topic: range.topic, partition: range.partition, offset: String(offset), key, value, headers, timestamp: String(appendTime ?? baseTimestamp + timestampDelta) });
    }
  }
}
