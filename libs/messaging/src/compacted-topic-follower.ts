import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { ErrorCode, HubError } from '@hub/errors';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';

/**
 * Keeps a local copy of a compacted topic (a table keyed by record key): reads it from the
 * beginning in a consumer group of its own, hands every record to `apply`, and then follows new
 * records as they come. Nothing is committed; every start reads the table again.
 */
export class CompactedTopicFollower {
  private readonly logger = new Logger(CompactedTopicFollower.name);
  private consumer?: Consumer;
  private stopped = false;

  constructor(
    private readonly settings: KafkaSettings,
    private readonly topic: string,
    private readonly apply: (record: InboundRecord) => void,
  ) {}

  /** Resolves once every record that was on the topic at the start has been applied. */
  async start(timeoutMs = 60_000): Promise<void> {
    const kafka = createKafkaClient(this.settings);
    const admin = kafka.admin();
    await admin.connect();
    const ends = new Map((await admin.fetchTopicOffsets(this.topic)).map((p) => [p.partition, BigInt(p.high)]));
    await admin.disconnect();
    const behind = new Set([...ends].filter(([, high]) => high > 0n).map(([partition]) => partition));
    // Stopped while reading the offsets: start no consumer that nobody would stop.
    if (this.stopped) throw new HubError(ErrorCode.KafkaUnavailable, `stopped before following ${this.topic}`);

    const caughtUp = Promise.withResolvers<void>();
    if (behind.size === 0) caughtUp.resolve();
    this.consumer = kafka.consumer({ groupId: `${this.settings.clientId}.follower.${randomUUID()}`, allowAutoTopicCreation: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        this.apply(inboundRecordFromKafka(this.topic, partition, message));
        if (behind.has(partition) && BigInt(message.offset) + 1n >= ends.get(partition)!) {
          behind.delete(partition);
          if (behind.size === 0) caughtUp.resolve();
        }
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HubError(ErrorCode.KafkaUnavailable, `could not read ${this.topic} to its end within ${timeoutMs} ms`, { canRetry: true })), timeoutMs);
    });
    try {
      await Promise.race([caughtUp.promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.logger.log(`following ${this.topic}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
  }
}
