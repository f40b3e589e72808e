import type { ChainHeaders } from './chain-headers.js';

/** A Kafka record as the audit keeps it: everything the chain's hash covers, nothing else. */
export interface ChainRecord {
  topic: string;
  partition: number;
  /** Kafka offset, a decimal string (offsets outgrow Number). */
  offset: string;
  /** Broker timestamp, epoch milliseconds as a decimal string. */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: ChainHeaders;
}

/** What an entry's hash covers besides its chain (topic, partition) and the previous hash. */
export interface HashedFields {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  /** The headers in their chain encoding (`encodeChainHeaders`), as the store keeps them. */
  headerBytes: Buffer;
}

/** An entry of a chain as fields: the record's hashed fields with the hash it links to and its own. */
export interface StoredEntry extends HashedFields {
  previousHash: Buffer;
  hash: Buffer;
}

/** A record linked into its topic partition's chain. */
export interface ChainEntry extends ChainRecord, StoredEntry {}

/** Where a topic partition's chain ends: the last entry's offset and hash, and how many entries it has. */
export interface ChainHead {
  lastOffset: string;
  hash: Buffer;
  entries: number;
}

/** Names one chain: the audit keeps one per topic partition. */
export const chainName = (topic: string, partition: number): string => `${topic}/${partition}`;
