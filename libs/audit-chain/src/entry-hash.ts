import { hash } from 'node:crypto';
import { encodeChainHeaders } from './chain-headers.js';
import type { ChainRecord, HashedFields } from './chain-record.js';
import type { StoredEntryView } from './stored-entry-view.js';

/** SHA-256. */
const HASH_BYTES = 32;

/** What the first entry of every chain links to; topic and partition are in each hash, so chains never collide. */
export const GENESIS_HASH: Buffer = Buffer.alloc(HASH_BYTES);

const NULL_LENGTH = 0xffffffff;

/**
 * Hashes the entries of one topic partition's chain: SHA-256 over the previous entry's hash, then
 * topic, partition, offset, timestamp, key, value and the headers in their chain encoding, every
 * variable field prefixed by its length (so no two different records give the same bytes).
 * Changing, removing, moving or adding any record changes every hash after it. The bytes are
 * written into one buffer kept between entries, after the topic and partition written once, so the
 * hash is fed once and no buffer is allocated per entry.
 */
export class EntryHasher {
  /** The previous hash's place, then topic (length-prefixed) and partition, the same for every entry of the chain. */
  private scratch: Buffer;
  private readonly prefixLength: number;

  constructor(topic: string, partition: number) {
    const topicBytes = Buffer.from(topic, 'utf8');
    this.prefixLength = HASH_BYTES + 4 + topicBytes.length + 4;
    this.scratch = Buffer.allocUnsafe(Math.max(4096, 2 * this.prefixLength));
    this.scratch.writeUInt32BE(topicBytes.length, HASH_BYTES);
    topicBytes.copy(this.scratch, HASH_BYTES + 4);
    this.scratch.writeUInt32BE(partition, HASH_BYTES + 4 + topicBytes.length);
  }

  hash(previousHash: Buffer, fields: HashedFields): Buffer {
    return hash('sha256', this.fieldBytes(previousHash, fields), 'buffer');
  }

  /**
   * Whether a stored entry, linked after `previousHash`, hashes to the hash stored with it. The
   * digest comes back as a 'binary' (latin1) string, a character per byte, compared a byte at a
   * time: Node makes that string in about half the time it takes to make a Buffer, and verifying is
   * mostly hashing.
   */
  matchesStored(previousHash: Buffer, entry: StoredEntryView): boolean {
    const digest = hash('sha256', this.storedBytes(previousHash, entry), 'binary');
    const { bytes, hashStart } = entry;
    if (entry.hashEnd - hashStart !== digest.length) return false;
    for (let i = 0; i < digest.length; i++) if (digest.charCodeAt(i) !== bytes[hashStart + i]) return false;
    return true;
  }

  private fieldBytes(previousHash: Buffer, fields: HashedFields): Buffer {
    const { key, value, headerBytes } = fields;
    let at = this.begin(previousHash, fields, 8 + (key?.length ?? 0) + (value?.length ?? 0) + headerBytes.length);
    at = writeBytes(this.scratch, at, key);
    at = writeBytes(this.scratch, at, value);
    at += headerBytes.copy(this.scratch, at);
    return this.finish(previousHash, at);
  }

  /** Key and value are already length-prefixed as the hash takes them: they are copied in one piece. */
  private storedBytes(previousHash: Buffer, entry: StoredEntryView): Buffer {
    const { bytes, keyValueStart, keyValueEnd, headersStart, headersEnd } = entry;
    let at = this.begin(previousHash, entry, keyValueEnd - keyValueStart + headersEnd - headersStart);
    at += bytes.copy(this.scratch, at, keyValueStart, keyValueEnd);
    at += bytes.copy(this.scratch, at, headersStart, headersEnd);
    return this.finish(previousHash, at);
  }

  /** Makes room for `restLength` bytes after the offset and timestamp, writes the previous hash and those two; returns where the rest goes. */
  private begin(previousHash: Buffer, { offset, timestamp }: { offset: string; timestamp: string }, restLength: number): number {
    const size = this.prefixLength + 8 + offset.length + timestamp.length + restLength;
    if (this.scratch.length < size) {
      const larger = Buffer.allocUnsafe(Math.max(size, 2 * this.scratch.length));
      this.scratch.copy(larger, 0, 0, this.prefixLength);
      this.scratch = larger;
    }
    if (previousHash.length === HASH_BYTES) previousHash.copy(this.scratch, 0);
    const at = writeDecimal(this.scratch, this.prefixLength, offset);
    return writeDecimal(this.scratch, at, timestamp);
  }

  /** The bytes written; a previous hash of another length than SHA-256's (only a damaged store holds one) takes its place in a copy. */
  private finish(previousHash: Buffer, end: number): Buffer {
    if (previousHash.length === HASH_BYTES) return this.scratch.subarray(0, end);
    return Buffer.concat([previousHash, this.scratch.subarray(HASH_BYTES, end)]);
  }
}

/** Offsets and timestamps are decimal digits (ASCII): a character at a time is cheaper than a call into Buffer.write. */
function writeDecimal(bytes: Buffer, at: number, digits: string): number {
  at = bytes.writeUInt32BE(digits.length, at);
  for (let i = 0; i < digits.length; i++) bytes[at++] = digits.charCodeAt(i);
  return at;
}

function writeBytes(bytes: Buffer, at: number, value: Buffer | null): number {
  at = bytes.writeUInt32BE(value === null ? NULL_LENGTH : value.length, at);
  return value === null ? at : at + value.copy(bytes, at);
}

/** The hash of one record linked after `previousHash`. */
export function entryHash(previousHash: Buffer, record: ChainRecord): Buffer {
  return new EntryHasher(record.topic, record.partition).hash(previousHash, { ...record, headerBytes: encodeChainHeaders(record.headers) });
}
