import { hash } from 'node:crypto';
import type { ChainRecord } from './chain-record.js';

/** What the first entry of every chain links to; topic and partition are in each hash, so chains never collide. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

const NULL_LENGTH = 0xffffffff;

/** The UTF-8 length of a text: its length when it is ASCII, as the hub's topics, offsets and headers nearly always are. */
function utf8Length(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  return text.length;
}

/**
 * The bytes an entry's hash covers: the previous hash, then topic, partition, offset, timestamp,
 * key, value and each header, every variable field prefixed by its length (so no two different
 * records give the same bytes), written into one buffer so the hash is fed once. ASCII texts are
 * copied a character at a time: for short texts that is cheaper than a call into Buffer.write.
 */
function entryBytes(previousHash: Buffer, record: ChainRecord): Buffer {
  const texts = [record.topic, record.offset, record.timestamp, ...record.headers.flat()];
  const lengths = texts.map(utf8Length);
  const size = previousHash.length + 4 + 4 * texts.length + lengths.reduce((sum, n) => sum + n, 0) + 8 + (record.key?.length ?? 0) + (record.value?.length ?? 0) + 4;
  const bytes = Buffer.allocUnsafe(size);
  let at = previousHash.copy(bytes, 0);
  let text = 0;
  const writeText = () => {
    const value = texts[text]!;
    const length = lengths[text]!;
    at = bytes.writeUInt32BE(length, at);
    if (length === value.length) for (let i = 0; i < length; i++) bytes[at++] = value.charCodeAt(i);
    else at += bytes.write(value, at, 'utf8');
    text++;
  };
  const writeBytes = (value: Buffer | null) => {
    at = bytes.writeUInt32BE(value === null ? NULL_LENGTH : value.length, at);
    if (value !== null) at += value.copy(bytes, at);
  };
  writeText();
  at = bytes.writeUInt32BE(record.partition, at);
  writeText();
  writeText();
  writeBytes(record.key);
  writeBytes(record.value);
  at = bytes.writeUInt32BE(record.headers.length, at);
  while (text < texts.length) writeText();
  return bytes;
}

/**
 * SHA-256 over the previous entry's hash and the record's topic, partition, offset, timestamp, key,
 * value and headers: changing, removing, moving or adding any record changes every hash after it.
 */
export function entryHash(previousHash: Buffer, record: ChainRecord): Buffer {
  return hash('sha256', entryBytes(previousHash, record), 'buffer');
}
