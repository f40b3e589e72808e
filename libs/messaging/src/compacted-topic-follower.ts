import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';
import { ErrorCode, HubError } from '@hub/errors';
import { consumerHealth } from './consumer-health.js';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient, FETCH_MAX_WAIT_MS } from './kafka-client.js';
import type { KafkaSettings } from './kafka-settings.js';

/**
 * Keeps a local copy of a compacted topic (a table keyed by record key): reads it from the
 * beginning in a consumer group of its own, hands every record to `apply`, and then follows new
 * records as they come. Nothing is committed; every start reads the table again. Like the hub's
 * consumer groups it never stops for good: one kafkajs gives up on is started again with backoff,
 * and its state is reported for readiness (as `follower:<topic>`).
 */
export class CompactedTopicFollower {
  private readonly logger = new Logger(CompactedTopicFollower.name);
  private consumer?: Consumer;
  private stopped = false;
  private restartTimer?: NodeJS.Timeout;
  private crashes = 0;

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
    const consumer = kafka.consumer({ groupId: `${this.settings.clientId}.follower.${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: FETCH_MAX_WAIT_MS });
    this.consumer = consumer;
    consumerHealth.report(this.healthKey, 'starting');
    consumer.on(consumer.events.GROUP_JOIN, () => {
      consumerHealth.report(this.healthKey, 'running');
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.stopped || consumer !== this.consumer) return;
      consumerHealth.report(this.healthKey, 'crashed', { reason: `${payload.error.name}: ${payload.error.message}` });
      if (!payload.restart) this.restartLater(payload.error);
    });
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
      timer = setTimeout(() => {
        reject(new HubError(ErrorCode.KafkaUnavailable, `could not read ${this.topic} to its end within ${timeoutMs} ms`, { canRetry: true }));
      }, timeoutMs);
    });
    try {
      await Promise.race([caughtUp.promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.crashes = 0;
    this.logger.log(`following ${this.topic}`);
  }

  private get healthKey(): string {
    return `follower:${this.topic}`;
  }

  /** Reads the table again and follows it, after a wait that doubles with each crash (1 s to 60 s). */
  private restartLater(error: Error): void {
    const delayMs = Math.min(60_000, 1000 * 2 ** this.crashes++);
    this.logger.error({ err: error, topic: this.topic, restartInMs: delayMs }, `stopped following ${this.topic}; starting again in ${delayMs} ms`);
    this.restartTimer = setTimeout(() => {
      if (this.stopped) return;
      // A start that failed part-way may have left its consumer running.
      (this.consumer?.disconnect() ?? Promise.resolve())
        .then(() => this.start())
        .catch((startError: unknown) => {
          this.restartLater(startError instanceof Error ? startError : new Error(String(startError)));
        });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    consumerHealth.forget(this.healthKey);
    await this.consumer?.disconnect();
  }
}
