import { encodeChainHeaders } from './chain-headers.js';
import { EntryHasher, GENESIS_HASH } from './entry-hash.js';
import type { ChainEntry, ChainHead, ChainRecord } from './chain-record.js';

/**
 * Links one partition's records (in offset order) onto the chain's head. Records at or before the
 * head's offset are already in the chain (a redelivery) and are left out, so appending twice
 * changes nothing. What else the records carry comes along with their entries.
 */
export function linkRecords<R extends ChainRecord>(head: ChainHead | undefined, records: readonly R[]): { entries: (R & ChainEntry)[]; head: ChainHead | undefined } {
  const first = records[0];
  if (!first) return { entries: [], head };
  const hasher = new EntryHasher(first.topic, first.partition);
  let previousHash = head?.hash ?? GENESIS_HASH;
  let lastOffset = head ? BigInt(head.lastOffset) : -1n;
  let count = head?.entries ?? 0;
  const entries: (R & ChainEntry)[] = [];
  for (const record of records) {
    if (BigInt(record.offset) <= lastOffset) continue;
    const headerBytes = encodeChainHeaders(record.headers);
    const hash = hasher.hash(previousHash, { ...record, headerBytes });
    entries.push({ ...record, headerBytes, previousHash, hash });
    previousHash = hash;
    lastOffset = BigInt(record.offset);
    count++;
  }
  const last = entries.at(-1);
  return { entries, head: last ? { lastOffset: last.offset, hash: last.hash, entries: count } : head };
}
