import type { StoredEntry } from './chain-record.js';

/**
 * A stored entry read in place: where its fields lie in a buffer of the store's rows, instead of
 * a Buffer per field, so walking millions of entries makes no Buffer per entry. Key and value lie
 * side by side, each after its byte length (int32, big-endian; -1 for null). That is how
 * PostgreSQL's binary COPY sends a bytea, and how the chain's hash takes a key and a value, so the
 * bytes are hashed as they came. A view is valid only during the call it is passed to.
 */
export interface StoredEntryView {
  bytes: Buffer;
  /** Kafka offset, decimal. */
  offset: string;
  /** Broker timestamp, epoch milliseconds, decimal. */
  timestamp: string;
  keyValueStart: number;
  keyValueEnd: number;
  /** The headers in their chain encoding. */
  headersStart: number;
  headersEnd: number;
  previousHashStart: number;
  previousHashEnd: number;
  hashStart: number;
  hashEnd: number;
}

const NULL_LENGTH = -1;

/** An entry held as fields, laid out as a view of its own. */
export function storedEntryView(entry: StoredEntry): StoredEntryView {
  const lengthPrefixed = (field: Buffer | null) => {
    const length = Buffer.allocUnsafe(4);
    length.writeInt32BE(field === null ? NULL_LENGTH : field.length);
    return field === null ? [length] : [length, field];
  };
  const keyValue = Buffer.concat([...lengthPrefixed(entry.key), ...lengthPrefixed(entry.value)]);
  const bytes = Buffer.concat([keyValue, entry.headerBytes, entry.previousHash, entry.hash]);
  const headersEnd = keyValue.length + entry.headerBytes.length;
  const previousHashEnd = headersEnd + entry.previousHash.length;
  return {
    bytes,
    offset: entry.offset,
    timestamp: entry.timestamp,
    keyValueStart: 0,
    keyValueEnd: keyValue.length,
    headersStart: keyValue.length,
    headersEnd,
    previousHashStart: headersEnd,
    previousHashEnd,
    hashStart: previousHashEnd,
    hashEnd: bytes.length,
  };
}
