import type { InboundRecord } from './inbound-record.js';
import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';
import { readPartitionRanges } from './fetch/partition-range-reader.js';

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
 * and joins no consumer group.
 */
export async function readLogUntil(
  settings: KafkaSettings,
  topics: readonly string[],
  until: Date,
  onBatch: (records: InboundRecord[]) => Promise<void>,
  onCuts: (cuts: readonly LogCut[]) => void = () => undefined,
): Promise<LogReading> {
  const admin = createKafkaClient(settings).admin();
  await admin.connect();
  try {
    const cuts: LogCut[] = [];
    const existing = new Set(await admin.listTopics());
    for (const topic of [...topics].sort()) {
      if (!existing.has(topic)) continue;
      const starts = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.low]));
      for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, until.getTime() + 1)) {
        cuts.push({ topic, partition, start: starts.get(partition) ?? '0', end: offset });
      }
    }
    cuts.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    onCuts(cuts);
    const ranges = cuts.map((cut) => ({ topic: cut.topic, partition: cut.partition, start: Number(cut.start), end: Number(cut.end) }));
    const records = await readPartitionRanges(admin, ranges, onBatch, { clientId: settings.clientId, connectionTimeoutMs: settings.connectionTimeoutMs ?? 3000 });
    return { cuts, records };
  } finally {
    await admin.disconnect();
  }
}
