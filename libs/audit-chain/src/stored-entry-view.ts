import type { StoredEntry } from './chain-record.js';

/**
 * A stored entry read in place, laid out so that what its hash covers lies in one piece: the
 * previous hash, room for the chain's part (topic and partition: `chainPartLength` bytes), then
 * offset, timestamp, key and value, each after its byte length (int32, big-endian; -1 for a null
 * key or value); then the headers after their own length. Those lengths are how PostgreSQL's binary
 * COPY sends text and bytea columns, and how the hash takes these fields. Checking the entry writes
 * the chain's part into the room and moves the headers over their length, so the bytes are hashed
 * where they arrived, without a copy: a view is checked once, and is valid only during the call it
 * is passed to.
 */
export interface StoredEntryView {
  bytes: Buffer;
  /** Kafka offset, decimal, for checkpoints and messages (the hashed digits are among the fields). */
  offset: string;
  previousHashStart: number;
  previousHashEnd: number;
  /** Offset, timestamp, key and value, each after its length, from after the room. */
  fieldsStart: number;
  fieldsEnd: number;
  /** The headers in their chain encoding, 4 bytes (their length) after the fields. */
  headersStart: number;
  headersEnd: number;
  hashStart: number;
  hashEnd: number;
}

/** The chain's part of every entry's hash: the topic after its byte length, then the partition. */
export function chainPart(topic: string, partition: number): Buffer {
  const topicBytes = Buffer.from(topic, 'utf8');
  const part = Buffer.allocUnsafe(4 + topicBytes.length + 4);
  part.writeUInt32BE(topicBytes.length, 0);
  topicBytes.copy(part, 4);
  part.writeUInt32BE(partition, 4 + topicBytes.length);
  return part;
}

/** The room a view leaves between the previous hash and the fields. */
export const chainPartLength = (topic: string): number => 8 + Buffer.byteLength(topic, 'utf8');

const lengthPrefixed = (field: Buffer | null): Buffer[] => {
  const length = Buffer.allocUnsafe(4);
  length.writeInt32BE(field === null ? -1 : field.length);
  return field === null ? [length] : [length, field];
};

/** An entry held as fields, laid out as a view of its own. */
export function storedEntryView(topic: string, entry: StoredEntry): StoredEntryView {
  const fields = Buffer.concat([
    ...lengthPrefixed(Buffer.from(entry.offset, 'latin1')),
    ...lengthPrefixed(Buffer.from(entry.timestamp, 'latin1')),
    ...lengthPrefixed(entry.key),
    ...lengthPrefixed(entry.value),
  ]);
  const headers = Buffer.concat(lengthPrefixed(entry.headerBytes));
  const room = Buffer.alloc(chainPartLength(topic));
  const bytes = Buffer.concat([entry.previousHash, room, fields, headers, entry.hash]);
  const fieldsStart = entry.previousHash.length + room.length;
  const fieldsEnd = fieldsStart + fields.length;
  return {
    bytes,
    offset: entry.offset,
    previousHashStart: 0,
    previousHashEnd: entry.previousHash.length,
    fieldsStart,
    fieldsEnd,
    headersStart: fieldsEnd + 4,
    headersEnd: fieldsEnd + headers.length,
    hashStart: fieldsEnd + headers.length,
    hashEnd: bytes.length,
  };
}
