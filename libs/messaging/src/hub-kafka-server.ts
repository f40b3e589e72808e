import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload } from 'kafkajs';
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
   * member): the handler of `hub.inbound` receives the batches of every topic listed for it.
   */
  topicFamilies?: Record<string, readonly string[]>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
    const { kafka: settings, groupId } = this.options;
    const kafka = createKafkaClient(settings);
    this.deadLetters = new HubProducer(kafka);
    await this.deadLetters.connect();
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 3)),
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1_048_576,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) =>
      this.logger.log({ groupId, memberId: payload.memberId, assignment: payload.memberAssignment }, 'joined consumer group'),
    );
    await this.consumer.connect();
    const topics = [...this.messageHandlers.keys()].flatMap((pattern) => this.options.topicFamilies?.[pattern] ?? [pattern]);
    await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.logger.log(`consumer group ${groupId} consuming ${topics.join(', ')}`);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isStale, isRunning, resolveOffset } = payload;
    if (batch.isEmpty()) return;
    const family = Object.entries(this.options.topicFamilies ?? {}).find(([, topics]) => topics.includes(batch.topic))?.[0];
    const handler = this.getHandlerByPattern(family ?? batch.topic);
    if (!handler) throw new HubError(ErrorCode.NoHandler, `no handler for topic ${batch.topic}`, { context: { topic: batch.topic } });
    const records = batch.messages.map((message) => inboundRecordFromKafka(batch.topic, batch.partition, message));
    this.logger.debug?.({ topic: batch.topic, partition: batch.partition, firstOffset: batch.firstOffset(), lastOffset: batch.lastOffset(), records: records.length }, 'batch received');
    const isBatchHandler = handler.extras?.['batch'] === true;
    const work: BatchWork<InboundRecord> = {
      records,
      apply: (inHand) => this.invoke(handler, inHand, isBatchHandler),
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
