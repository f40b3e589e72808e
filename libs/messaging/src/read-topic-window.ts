import { randomUUID } from 'node:crypto';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient, FETCH_MAX_WAIT_MS } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';

export interface TopicWindow {
  /** Epoch milliseconds: records written at or after this time are read. */
  since: number;
  /** Stop after this many records (the newest are not favoured: partitions are read in parallel). */
  limit: number;
}

/**
 * Reads the records a topic holds from a moment on, up to the end it had when called, in a consumer
 * group of its own that commits nothing. For looking at real traffic (a contract's sample check),
 * not for processing it. A topic that does not exist holds nothing.
 */
export async function readTopicWindow(settings: KafkaSettings, topic: string, window: TopicWindow, onRecord: (record: InboundRecord) => void): Promise<number> {
  const kafka = createKafkaClient(settings);
  const admin = kafka.admin();
  await admin.connect();
  let starts: { partition: number; offset: string }[];
  let ends: { partition: number; high: string }[];
  try {
    if (!(await admin.listTopics()).includes(topic)) return 0;
    starts = await admin.fetchTopicOffsetsByTimestamp(topic, window.since);
    ends = await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  const end = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
  const pending = new Set(starts.filter((p) => BigInt(p.offset) < end.get(p.partition)!).map((p) => p.partition));
  if (pending.size === 0) return 0;

  const consumer = kafka.consumer({ groupId: `${settings.clientId}.window.${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: FETCH_MAX_WAIT_MS });
  let read = 0;
  const finished = Promise.withResolvers<void>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (!pending.has(partition) || read >= window.limit) return;
        onRecord(inboundRecordFromKafka(topic, partition, message));
        read++;
        if (BigInt(message.offset) + 1n >= end.get(partition)!) pending.delete(partition);
        if (pending.size === 0 || read >= window.limit) finished.resolve();
      },
    });
    for (const { partition, offset } of starts) if (pending.has(partition)) consumer.seek({ topic, partition, offset });
    await finished.promise;
  } finally {
    await consumer.disconnect();
  }
  return read;
}
