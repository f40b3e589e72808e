import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ErrorCode, HubError } from '@hub/errors';
import { newCorrelationId, runInLogContext, runWithCorrelation } from '@hub/logging';
import { processAsBatch, processOneByOne, type BatchWork } from './batch-processor.js';
import { deadLetterRecord } from './dead-letter-record.js';
import { HubProducer } from './hub-producer.js';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient } from './kafka-client.js';
import { KafkaRecordContext } from './kafka-record.context.js';
import type { KafkaSettings } from './kafka-settings.js';
import { RecordHeader } from './record-headers.js';
import type { RetryPolicy } from './retry-policy.js';
import { SerialBatchLane } from './serial-batch-lane.js';

export interface HubKafkaServerOptions {
  kafka: KafkaSettings;
  groupId: string;
  retry: RetryPolicy;
  deadLetterTopic: string;
  /** Where a new consumer group starts: the beginning of each topic (default), or only new records. */
  fromBeginning?: boolean;
  /** How long the group waits for a silent member (a crashed process) before giving its partitions away. */
  sessionTimeoutMs?: number;
  maxBytesPerPartition?: number;
  /**
   * Handler patterns that stand for several topics known only at start (e.g. one inbound topic per
   * member): the handler of `hub.inbound` receives the batches of every topic listed for it. A
   * selector picks the family from the topics the broker has, and is asked again every
   * `topicRefreshMs`: when it picks a topic not consumed yet, the consumer rejoins with it.
   */
  topicFamilies?: Record<string, readonly string[] | TopicSelector>;
  /** How often selectors are asked again (default 30 s). */
  topicRefreshMs?: number;
  /**
   * How many partitions' batches the consumer hands over at once (default 1). Above 1, handlers
   * still run one at a time, and the batches waiting for the same batch handler are merged into
   * one invocation (SerialBatchLane): fewer, larger transactions, not parallel ones.
   */
  partitionsAtOnce?: number;
}

/** Picks a family's topics from all the broker's topics. */
export type TopicSelector = (brokerTopics: readonly string[]) => readonly string[];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const HEARTBEAT_WHILE_WAITING_MS = 3000;

/**
 * A @nestjs/microservices transport over kafkajs `eachBatch`: handlers stay `@EventPattern`
 * handlers, offsets are committed only after the handlers (and any dead letters) are done,
 * failing records are retried with backoff and then dead-lettered, and shutdown finishes the
 * batch in hand before the app closes its database.
 */
export class HubKafkaServer extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private consumer?: Consumer;
  private deadLetters?: HubProducer;
  private kafka?: Kafka;
  private topics: readonly string[] = [];
  private families = new Map<string, string>();
  private refreshTimer?: NodeJS.Timeout;
  private rejoining?: Promise<void>;
  private readonly lane = new SerialBatchLane<InboundRecord>();

  constructor(private readonly options: HubKafkaServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async start(): Promise<void> {
    this.kafka = createKafkaClient(this.options.kafka);
    this.deadLetters = new HubProducer(this.kafka);
    await this.deadLetters.connect();
    this.topics = await this.selectTopics();
    await this.startConsumer();
    if (Object.values(this.options.topicFamilies ?? {}).some((family) => typeof family === 'function')) {
      this.refreshTimer = setInterval(() => void this.followNewTopics(), this.options.topicRefreshMs ?? 30_000);
      this.refreshTimer.unref();
    }
  }

  private async selectTopics(): Promise<string[]> {
    const families = this.options.topicFamilies ?? {};
    const selectors = Object.values(families).some((family) => typeof family === 'function');
    const brokerTopics = selectors ? await this.listBrokerTopics() : [];
    this.families.clear();
    const topics = [...this.messageHandlers.keys()].flatMap((pattern) => {
      const family = families[pattern];
      const members = family === undefined ? [pattern] : typeof family === 'function' ? family(brokerTopics) : family;
      if (family !== undefined) members.forEach((topic) => this.families.set(topic, pattern));
      return [...members];
    });
    return [...new Set(topics)].sort();
  }

  private async listBrokerTopics(): Promise<string[]> {
    const admin = this.kafka!.admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  }

  private async startConsumer(): Promise<void> {
    const { groupId } = this.options;
    if (this.topics.length === 0) {
      this.logger.log(`consumer group ${groupId} has no topics to consume yet; looking again every ${this.options.topicRefreshMs ?? 30_000} ms`);
      return;
    }
    const consumer = this.kafka!.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1_048_576,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.logger.log({ groupId, memberId: payload.memberId, assignment: payload.memberAssignment }, 'joined consumer group'));
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.logger.error({ groupId, err: payload.error, restart: payload.restart }, payload.restart ? 'consumer crashed; kafkajs restarts it' : 'consumer crashed and stopped consuming'),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.logger.log(`consumer group ${groupId} consuming ${this.topics.join(', ')}`);
  }

  /** A selector picked a topic not consumed yet: the consumer finishes its batch, leaves and rejoins with it. */
  private async followNewTopics(): Promise<void> {
    if (this.rejoining) return;
    this.rejoining = (async () => {
      const topics = await this.selectTopics();
      const added = topics.filter((topic) => !this.topics.includes(topic));
      if (added.length === 0) return;
      this.logger.log({ added }, 'new topics to consume; rejoining the consumer group');
      await this.consumer?.disconnect();
      this.topics = topics;
      if (this.refreshTimer) await this.startConsumer();
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not follow new topics; trying again at the next refresh'))
      .finally(() => (this.rejoining = undefined));
    await this.rejoining;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isStale, isRunning, resolveOffset } = payload;
    if (batch.isEmpty()) return;
    const handler = this.getHandlerByPattern(this.families.get(batch.topic) ?? batch.topic);
    if (!handler) throw new HubError(ErrorCode.NoHandler, `no handler for topic ${batch.topic}`, { context: { topic: batch.topic } });
    const records = batch.messages.map((message) => inboundRecordFromKafka(batch.topic, batch.partition, message));
    this.logger.debug?.({ topic: batch.topic, partition: batch.partition, firstOffset: batch.firstOffset(), lastOffset: batch.lastOffset(), records: records.length }, 'batch received');
    const isBatchHandler = handler.extras?.['batch'] === true;
    const work: BatchWork<InboundRecord> = {
      records,
      // Each invocation waits its turn in the lane; batches for one batch handler are merged there.
      apply: (inHand) => this.whileBeating(heartbeat, this.lane.run(isBatchHandler ? `batch:${this.families.get(batch.topic) ?? batch.topic}` : `one:${batch.topic}/${batch.partition}`, inHand, (records) => this.invoke(handler, records, isBatchHandler))),
      deadLetter: (record, error, attempts) => this.deadLetter(record, error, attempts),
      heartbeat,
      isAbandoned: () => isStale() || !isRunning(),
      sleep,
    };
    const outcome = isBatchHandler ? await processAsBatch(work, this.options.retry) : await processOneByOne(work, this.options.retry);
    if (outcome.status === 'abandoned') {
      this.logger.warn({ topic: batch.topic, partition: batch.partition }, 'batch abandoned (shutdown or rebalance); it will be delivered again');
      return;
    }
    resolveOffset(batch.lastOffset());
    await this.consumer!.commitOffsets([
      { topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() },
    ]);
  }

  /**
   * Heartbeats while a batch waits its turn and is applied: behind other partitions' merged batches
   * the wait can outlast the session timeout, and a member that stops heartbeating is put out of the
   * group (its offsets can no longer be committed).
   */
  private async whileBeating(heartbeat: () => Promise<void>, work: Promise<void>): Promise<void> {
    const beating = setInterval(() => heartbeat().catch((error: unknown) => this.logger.warn({ err: error }, 'heartbeat failed while a batch waited')), HEARTBEAT_WHILE_WAITING_MS);
    try {
      await work;
    } finally {
      clearInterval(beating);
    }
  }

  private async invoke(handler: MessageHandler, records: readonly InboundRecord[], isBatchHandler: boolean): Promise<void> {
    const context = new KafkaRecordContext([records, this.options.groupId]);
    const first = records[0]!;
    const single = records.length === 1;
    const correlationId = (single ? first.headers[RecordHeader.CorrelationId] : undefined) ?? newCorrelationId();
    const bindings = single
      ? { topic: first.topic, partition: first.partition, offset: first.offset, correlationId }
      : { topic: first.topic, partition: first.partition, firstOffset: first.offset, lastOffset: records.at(-1)!.offset, records: records.length };
    await runInLogContext(bindings, () =>
      runWithCorrelation(correlationId, async () => {
        const result: unknown = await handler(isBatchHandler ? records : first, context);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      }),
    );
  }

  private async deadLetter(record: InboundRecord, error: HubError, attempts: number): Promise<void> {
    this.logger.error(
      { topic: record.topic, partition: record.partition, offset: record.offset, code: error.code, attempts, err: error },
      `record dead-lettered to ${this.options.deadLetterTopic}`,
    );
    await this.deadLetters!.send([
      deadLetterRecord(this.options.deadLetterTopic, record, {
        error,
        attempts,
        consumerGroup: this.options.groupId,
        failedAt: new Date(),
      }),
    ]);
  }

  async close(): Promise<void> {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    await this.rejoining;
    // kafkajs lets the batch in hand finish (and commit) before disconnect resolves.
    await this.consumer?.disconnect();
    await this.deadLetters?.disconnect();
    this.consumer = undefined;
  }

  on(event: string, callback: Function): void {
    if (!this.consumer) throw new HubError(ErrorCode.KafkaUnavailable, 'consumer is not started yet');
    this.consumer.on(event as Parameters<Consumer['on']>[0], callback as (...args: unknown[]) => void);
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}
