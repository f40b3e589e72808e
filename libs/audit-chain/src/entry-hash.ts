import { createHash, type Hash } from 'node:crypto';
import type { ChainRecord } from './chain-record.js';

/** What the first entry of every chain links to; topic and partition are in each hash, so chains never collide. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

const NULL_LENGTH = 0xffffffff;

function writeLength(hash: Hash, length: number): void {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32BE(length);
  hash.update(bytes);
}

// Length-prefixed, so no two different records can feed the hash the same bytes.
function writeBytes(hash: Hash, bytes: Buffer | null): void {
  if (bytes === null) return writeLength(hash, NULL_LENGTH);
  writeLength(hash, bytes.length);
  hash.update(bytes);
}

const writeText = (hash: Hash, text: string) => writeBytes(hash, Buffer.from(text, 'utf8'));

/**
 * SHA-256 over the previous entry's hash and the record's topic, partition, offset, timestamp, key,
 * value and headers: changing, removing, moving or adding any record changes every hash after it.
 */
export function entryHash(previousHash: Buffer, record: ChainRecord): Buffer {
  const hash = createHash('sha256');
  hash.update(previousHash);
  writeText(hash, record.topic);
  writeLength(hash, record.partition);
  writeText(hash, record.offset);
  writeText(hash, record.timestamp);
  writeBytes(hash, record.key);
  writeBytes(hash, record.value);
  writeLength(hash, record.headers.length);
  for (const [name, value] of record.headers) {
    writeText(hash, name);
    writeText(hash, value);
  }
  return hash.digest();
}
