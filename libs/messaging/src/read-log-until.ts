import { randomUUID } from 'node:crypto';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';

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
 * Reads the topics from their beginning up to a moment (every record the broker had written by
 * then, by the offsets Kafka gives for that time), a partition batch at a time, in a consumer group
 * of its own that commits nothing. Topics that do not exist hold nothing. The next batch is fetched
 * only after `onBatch` resolves.
 */
export async function readLogUntil(
  settings: KafkaSettings,
  topics: readonly string[],
  until: Date,
  onBatch: (records: InboundRecord[]) => Promise<void>,
  onCuts: (cuts: readonly LogCut[]) => void = () => undefined,
): Promise<LogReading> {
  const kafka = createKafkaClient(settings);
  const admin = kafka.admin();
  await admin.connect();
  const cuts: LogCut[] = [];
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of [...topics].sort()) {
      if (!existing.has(topic)) continue;
      const starts = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.low]));
      for (const { partition, offset } of await admin.fetchTopicOffsetsByTimestamp(topic, until.getTime() + 1)) {
        cuts.push({ topic, partition, start: starts.get(partition) ?? '0', end: offset });
      }
    }
  } finally {
    await admin.disconnect();
  }
  cuts.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  onCuts(cuts);
  const pending = new Map(cuts.filter((cut) => BigInt(cut.start) < BigInt(cut.end)).map((cut) => [`${cut.topic}/${cut.partition}`, BigInt(cut.end)]));
  if (pending.size === 0) return { cuts, records: 0 };

  const consumer = kafka.consumer({ groupId: `${settings.clientId}.replay.${randomUUID()}`, allowAutoTopicCreation: false, maxBytesPerPartition: 4 * 1_048_576 });
  let records = 0;
  let finish!: (error?: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => (finish = (error) => (error ? reject(error as Error) : resolve())));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...new Set(cuts.map((cut) => cut.topic))], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const name = `${batch.topic}/${batch.partition}`;
        const end = pending.get(name);
        if (end === undefined) return;
        const inCut = batch.messages.filter((message) => BigInt(message.offset) < end).map((message) => inboundRecordFromKafka(batch.topic, batch.partition, message));
        try {
          if (inCut.length > 0) await onBatch(inCut);
        } catch (error) {
          finish(error);
          return;
        }
        records += inCut.length;
        if (BigInt(batch.lastOffset()) + 1n >= end || inCut.length < batch.messages.length) {
          pending.delete(name);
          consumer.pause([{ topic: batch.topic, partitions: [batch.partition] }]);
        }
        if (pending.size === 0) finish();
      },
    });
    await finished;
  } finally {
    await consumer.disconnect();
  }
  return { cuts, records };
}
