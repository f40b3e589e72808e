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
  /** In the order the record carries them. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** A record linked into its topic partition's chain. */
export interface ChainEntry extends ChainRecord {
  previousHash: Buffer;
  hash: Buffer;
}

/** Where a topic partition's chain ends: the last entry's offset and hash, and how many entries it has. */
export interface ChainHead {
  lastOffset: string;
  hash: Buffer;
  entries: number;
}

/** Names one chain: the audit keeps one per topic partition. */
export const chainName = (topic: string, partition: number): string => `${topic}/${partition}`;
