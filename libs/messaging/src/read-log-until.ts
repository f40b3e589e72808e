import type { Admin } from 'kafkajs';
import type { InboundRecord } from './inbound-record.js';
import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';
import { readPartitionRanges } from './fetch/partition-range-reader.js';
import type { KeyFilter } from './fetch/record-batches.js';

export type { KeyFilter };

/** Where a replay stops in one partition: the first offset written after the moment (exclusive). */
export interface LogCut {
  topic: string;
  partition: number;
  /** The partition's first offset still held. */
  start: string;
  end: string;
}

export interface LogReading {
  cuts: LogCut[];
  records: number;
}

/**
 * Reads the topics from their beginning up to a moment: every record the broker had written by
 * then, by the offsets Kafka gives for that time. Topics that do not exist hold nothing.
 * `onBatch` gets one partition's records at a time, in offset order; the reading commits nothing
 * and joins no consumer group. A record's value is a view into fetched bytes that the reader
 * reuses: it is valid until `onBatch`'s promise settles, so what is kept longer must be copied.
 */
export async function readLogUntil(settings: KafkaSettings, topics: readonly string[], until: Date, onBatch: (records: InboundRecord[]) => Promise<void>): Promise<LogReading> {
  const cuts = await logCutsAt(settings, topics, until);
  return { cuts, records: await readLogCuts(settings, cuts, onBatch) };
}

/** Where each partition of the topics stood at a moment, by topic and partition; readers that must agree on the log share these. */
export function logCutsAt(settings: KafkaSettings, topics: readonly string[], until: Date): Promise<LogCut[]> {
  return withAdmin(settings, async (admin) => {
    const cuts: LogCut[] = [];
    const existing = new Set(await admin.listTopics());
    for (const topic of [...topics].sort()) {
      if (!existing.has(topic)) continue;
      const starts = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.low]));
      for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, until.getTime() + 1)) {
        cuts.push({ topic, partition, start: starts.get(partition) ?? '0', end: offset });
      }
    }
    return cuts.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  });
}

/** Reads the records within the cuts, like `readLogUntil`; with `keep`, only those whose key passes (the others are skipped undecoded). Returns how many were handed on. */
export function readLogCuts(settings: KafkaSettings, cuts: readonly LogCut[], onBatch: (records: InboundRecord[]) => Promise<void>, keep?: KeyFilter): Promise<number> {
  const ranges = cuts.map((cut) => ({ topic: cut.topic, partition: cut.partition, start: Number(cut.start), end: Number(cut.end) }));
  return withAdmin(settings, (admin) =>
    readPartitionRanges(admin, ranges, onBatch, {
      clientId: settings.clientId,
      connectionTimeoutMs: settings.connectionTimeoutMs ?? 3000,
      keep,
      ...(settings.tls ? { tls: settings.tls } : {}),
      ...(settings.sasl ? { sasl: settings.sasl } : {}),
    }),
  );
}

async function withAdmin<T>(settings: KafkaSettings, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = createKafkaClient(settings).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
