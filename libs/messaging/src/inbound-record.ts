/** A record as a handler receives it: plain data, free of any Kafka client type. */
export interface InboundRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Header names the record carries more than once (their values are joined with commas in `headers`). */
  repeatedHeaders?: readonly string[];
  /** Broker timestamp, epoch milliseconds as a string (as Kafka gives it). */
  timestamp: string;
}

/** The record's value parsed as JSON, as the type the caller expects of its topic (unchecked: a contract checked it upstream). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names what its topic carries
export function recordJson<T = unknown>(record: InboundRecord): T {
  return JSON.parse(record.value?.toString('utf8') ?? 'null') as T;
}

/** Where the record sits in the log; unique per record, so it can serve as an idempotency key. */
export function recordPosition(record: InboundRecord): string {
  return `${record.topic}/${record.partition}/${record.offset}`;
}
