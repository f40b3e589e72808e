import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { ErrorCode, HubError } from '@hub/errors';
import { newCorrelationId, runInLogContext, runWithCorrelation } from '@hub/logging';
import { inSpan, linksOf, traceContextOf } from '@hub/tracing';
import { HUB_METRICS } from '@hub/metrics';
import { processAsBatch, processOneByOne, type BatchWork } from './batch-processor.js';
import { UNREADABLE_RECORD_HEADER } from './compression/unreadable-records.js';
import { consumerHealth, type ConsumerHealth } from './consumer-health.js';
import { deadLetterRecord } from './dead-letter-record.js';
import { HubProducer } from './hub-producer.js';
import type { InboundRecord } from './inbound-record.js';
import { inboundRecordFromKafka } from './inbound-record-from-kafka.js';
import { createKafkaClient, FETCH_MAX_WAIT_MS } from './kafka-client.js';
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
  /** Where the consumer's state is reported for readiness (default: the process's `consumerHealth`). */
  health?: ConsumerHealth;
  /** The first wait before a stopped consumer is started again; it doubles up to `restartMaxMs`. */
  restartInitialMs?: number;
  restartMaxMs?: number;
}

/** Picks a family's topics from all the broker's topics. */
export type TopicSelector = (brokerTopics: readonly string[]) => readonly string[];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const HEARTBEAT_WHILE_WAITING_MS = 3000;
const RESTART_INITIAL_MS = 1000;
const RESTART_MAX_MS = 60_000;

/**
 * A @nestjs/microservices transport over kafkajs `eachBatch`: handlers stay `@EventPattern`
 * handlers, offsets are committed only after the handlers (and any dead letters) are done,
 * failing records are retried with backoff and then dead-lettered, and shutdown finishes the
 * batch in hand before the app closes its database. A consumer never stops for good: one that
 * kafkajs gives up on is started again with backoff, and its state is reported for readiness.
 * Records kafkajs could not read (a batch that does not inflate) go straight to the dead letters.
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
  private readonly health: ConsumerHealth;
  private restartTimer?: NodeJS.Timeout;
  /** Crashes since a batch was last committed: the restart backoff grows with them. */
  private crashesWithoutProgress = 0;
  private closing = false;
  private closed?: Promise<void>;

  constructor(private readonly options: HubKafkaServerOptions) {
    super();
    this.health = options.health ?? consumerHealth;
    this.health.report(options.groupId, 'starting');
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
    await this.startOrRetry();
    if (Object.values(this.options.topicFamilies ?? {}).some((family) => typeof family === 'function')) {
      this.refreshTimer = setInterval(() => void this.followNewTopics(), this.options.topicRefreshMs ?? 30_000);
      this.refreshTimer.unref();
    }
  }

  /**
   * Connects and starts consuming. A failure (Kafka away, a topic not there yet) does not stop the
   * app: it serves, reports the consumer as not running, and tries again with backoff.
   */
  private async startOrRetry(): Promise<void> {
    try {
      await this.deadLetters!.connect();
      this.topics = await this.selectTopics();
      await this.startConsumer();
    } catch (error) {
      this.restartLater(error instanceof Error ? error : new Error(String(error)));
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
      this.health.report(groupId, 'running');
      this.logger.log(`consumer group ${groupId} has no topics to consume yet; looking again every ${this.options.topicRefreshMs ?? 30_000} ms`);
      return;
    }
    const consumer = this.kafka!.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1_048_576,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.health.report(groupId, 'running');
      this.logger.log({ groupId, memberId: payload.memberId, assignment: payload.memberAssignment }, 'joined consumer group');
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed(consumer, payload.error, payload.restart);
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.topics], fromBeginning: this.options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? 1,
        eachBatch: (payload) => this.handleBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch((disconnectError: unknown) => {
        this.logger.warn({ err: disconnectError }, 'could not disconnect a consumer that failed to start');
      });
      throw error;
    }
    this.logger.log(`consumer group ${groupId} consuming ${this.topics.join(', ')}`);
  }

  /**
   * kafkajs restarts a consumer after a retriable error and leaves it stopped after any other
   * (a decoding fault, a handler error it does not know): then the transport starts a new one.
   */
  private crashed(consumer: Consumer, error: Error, kafkajsRestarts: boolean): void {
    if (this.closing || consumer !== this.consumer) return;
    if (kafkajsRestarts) {
      this.crashesWithoutProgress++;
      this.health.report(this.options.groupId, 'crashed', { reason: `${error.name}: ${error.message}` });
      this.logger.error({ groupId: this.options.groupId, err: error }, 'consumer crashed; kafkajs restarts it');
      return;
    }
    this.restartLater(error);
  }

  /** Starts the consumer again after a wait that doubles with each crash, until a batch is committed again. */
  private restartLater(error: Error): void {
    const { groupId } = this.options;
    const delayMs = Math.min(this.options.restartMaxMs ?? RESTART_MAX_MS, (this.options.restartInitialMs ?? RESTART_INITIAL_MS) * 2 ** this.crashesWithoutProgress);
    this.crashesWithoutProgress++;
    this.health.report(groupId, 'crashed', { reason: `${error.name}: ${error.message}`, restartAt: new Date(Date.now() + delayMs) });
    this.logger.error({ groupId, err: error, restartInMs: delayMs }, `consumer stopped; starting it again in ${delayMs} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (!this.closing) void this.startOrRetry();
    }, delayMs);
  }

  /** A selector picked a topic not consumed yet: the consumer finishes its batch, leaves and rejoins with it. */
  private async followNewTopics(): Promise<void> {
    // A consumer waiting to be started again will start with the topics of that moment.
    if (this.rejoining || this.restartTimer) return;
    let stopped = false;
    this.rejoining = (async () => {
      const topics = await this.selectTopics();
      const added = topics.filter((topic) => !this.topics.includes(topic));
      if (added.length === 0) return;
      this.logger.log({ added }, 'new topics to consume; rejoining the consumer group');
      await this.consumer?.disconnect();
      stopped = true;
      this.topics = topics;
      if (this.refreshTimer) await this.startConsumer();
    })()
      .catch((error: unknown) => {
        // Failing before the consumer left, it consumes on and the next refresh tries again; after, it is started again.
        if (stopped && !this.closing) this.restartLater(error instanceof Error ? error : new Error(String(error)));
        else this.logger.warn({ err: error }, 'could not follow new topics; trying again at the next refresh');
      })
      .finally(() => (this.rejoining = undefined));
    await this.rejoining;
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    // kafkajs hands these over as closures over the batch, not as methods of the payload.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { batch, heartbeat, isStale, isRunning, resolveOffset } = payload;
    if (batch.isEmpty()) return;
    const timer = HUB_METRICS.batchDuration.startTimer({ group: this.options.groupId });
    const handler = this.getHandlerByPattern(this.families.get(batch.topic) ?? batch.topic);
    if (!handler) throw new HubError(ErrorCode.NoHandler, `no handler for topic ${batch.topic}`, { context: { topic: batch.topic } });
    const received = batch.messages.map((message) => inboundRecordFromKafka(batch.topic, batch.partition, message));
    const records = await this.deadLetterUnreadable(received);
    this.logger.debug?.({ topic: batch.topic, partition: batch.partition, firstOffset: batch.firstOffset(), lastOffset: batch.lastOffset(), records: records.length }, 'batch received');
    const isBatchHandler = handler.extras?.['batch'] === true;
    const work: BatchWork<InboundRecord> = {
      records,
      // Each invocation waits its turn in the lane; batches for one batch handler are merged there.
      apply: (inHand) =>
        this.whileBeating(
          heartbeat,
          this.lane.run(isBatchHandler ? `batch:${this.families.get(batch.topic) ?? batch.topic}` : `one:${batch.topic}/${batch.partition}`, inHand, (records) =>
            this.invoke(handler, records, isBatchHandler),
          ),
        ),
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
    await this.consumer!.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
    this.crashesWithoutProgress = 0;
    this.observeBatch(batch, timer);
  }

  /** The batch in the group's series: its records, how long it took, and what the partition holds after it. */
  private observeBatch(batch: EachBatchPayload['batch'], timer: () => number): void {
    const group = this.options.groupId;
    timer();
    HUB_METRICS.batchSize.observe({ group }, batch.messages.length);
    HUB_METRICS.recordsConsumed.inc({ group, topic: batch.topic }, batch.messages.length);
    const behind = Number(BigInt(batch.highWatermark) - BigInt(batch.lastOffset()) - 1n);
    HUB_METRICS.consumerLag.set({ group, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, behind));
  }

  /** Records that stand in for ones kafkajs could not read go to the dead letters with the reason; the rest are returned. */
  private async deadLetterUnreadable(records: InboundRecord[]): Promise<InboundRecord[]> {
    const unreadable = records.filter((record) => record.headers[UNREADABLE_RECORD_HEADER] !== undefined);
    for (const record of unreadable) {
      const reason = record.headers[UNREADABLE_RECORD_HEADER];
      await this.deadLetter(
        record,
        new HubError(ErrorCode.RecordUnreadable, `the record cannot be read: ${reason}`, { context: { topic: record.topic, partition: record.partition, offset: record.offset } }),
        0,
      );
    }
    return unreadable.length === 0 ? records : records.filter((record) => record.headers[UNREADABLE_RECORD_HEADER] === undefined);
  }

  /**
   * Heartbeats while a batch waits its turn and is applied: behind other partitions' merged batches
   * the wait can outlast the session timeout, and a member that stops heartbeating is put out of the
   * group (its offsets can no longer be committed).
   */
  private async whileBeating(heartbeat: () => Promise<void>, work: Promise<void>): Promise<void> {
    const beating = setInterval(() => {
      heartbeat().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'heartbeat failed while a batch waited');
      });
    }, HEARTBEAT_WHILE_WAITING_MS);
    try {
      await work;
    } finally {
      clearInterval(beating);
    }
  }

  private async invoke(handler: MessageHandler, records: readonly InboundRecord[], isBatchHandler: boolean): Promise<void> {
    const context = new KafkaRecordContext([records, this.options.groupId]);
    const first = records[0];
    const single = records.length === 1;
    const correlationId = (single ? first.headers[RecordHeader.CorrelationId] : undefined) ?? newCorrelationId();
    const bindings = single
      ? { topic: first.topic, partition: first.partition, offset: first.offset, correlationId }
      : { topic: first.topic, partition: first.partition, firstOffset: first.offset, lastOffset: records.at(-1)!.offset, records: records.length };
    // A span per record or batch: a record's continues its trace; a batch's links to the traces of its records (when tracing is on).
    const span = {
      kind: 'consumer' as const,
      attributes: { 'messaging.system': 'kafka', 'messaging.consumer.group.name': this.options.groupId, 'messaging.destination.name': first.topic, 'messaging.batch.message_count': records.length },
      ...(single ? { parent: traceContextOf(first.headers) } : { links: linksOf(records.map((record) => record.headers)) }),
    };
    await runInLogContext(bindings, () =>
      runWithCorrelation(correlationId, () =>
        inSpan(`process ${single ? first.topic : 'batch'}`, span, async () => {
          const result: unknown = await handler(isBatchHandler ? records : first, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        }),
      ),
    );
  }

  private async deadLetter(record: InboundRecord, error: HubError, attempts: number): Promise<void> {
    HUB_METRICS.deadLetters.inc({ group: this.options.groupId, reason: error.code });
    this.logger.error({ topic: record.topic, partition: record.partition, offset: record.offset, code: error.code, attempts, err: error }, `record dead-lettered to ${this.options.deadLetterTopic}`);
    await this.deadLetters!.send([
      deadLetterRecord(this.options.deadLetterTopic, record, {
        error,
        attempts,
        consumerGroup: this.options.groupId,
        failedAt: new Date(),
      }),
    ]);
  }

  /** Idempotent: a consumer app closes its transport first, then Nest closes it again with the app. */
  close(): Promise<void> {
    this.closed ??= this.closeOnce();
    return this.closed;
  }

  private async closeOnce(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    await this.rejoining;
    // kafkajs lets the batch in hand finish (and commit) before disconnect resolves.
    await this.consumer?.disconnect();
    await this.deadLetters?.disconnect();
    this.consumer = undefined;
    this.health.forget(this.options.groupId);
  }

  // The signatures of Nest's CustomTransportStrategy, which declares them so.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  on(event: string, callback: Function): void {
    if (!this.consumer) throw new HubError(ErrorCode.KafkaUnavailable, 'consumer is not started yet');
    this.consumer.on(event as Parameters<Consumer['on']>[0], callback as (...args: unknown[]) => void);
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  unwrap<T>(): T {
    return this.consumer as T;
  }
}
