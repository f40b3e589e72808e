import { Logger } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import { currentCorrelationId } from '@hub/logging';
import { HUB_METRICS } from '@hub/metrics';
import { ErrorCode, HubError } from '@hub/errors';
import type { OutboundRecord } from './outbound-record.js';
import { KeyHashPartitioner } from './key-hash-partitioner.js';
import { requestsOf, type StampedRecord } from './produce-requests.js';
import { withTraceHeaders } from '@hub/tracing';
import { RecordHeader } from './record-headers.js';

/** Coalesced sends stop growing here (a caller's own batch is never split across groups). */
const MAX_RECORDS_PER_GROUP = 20_000;

interface PendingSend {
  records: StampedRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The hub's one way to publish. Every send waits for acks from all in-sync replicas on an
 * idempotent producer, so a resolved send means the broker has the records durably, once.
 */
export class HubProducer {
  private readonly logger = new Logger(HubProducer.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;
  private readonly waiting: PendingSend[] = [];
  private flushing = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps the idempotent sequence strictly ordered; batching gives the throughput.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // murmur2, the Java client's partitioner: a key lands on the same partition whichever client publishes it.
      createPartitioner: KeyHashPartitioner,
      // Bounded, so an unreachable broker surfaces as an error (a 503 upstream) instead of a hang.
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 3000 },
    });
  }

  async connect(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw new HubError(ErrorCode.KafkaUnavailable, `cannot connect producer: ${String(error)}`, { canRetry: true, cause: error });
    });
    return this.connecting;
  }

  /**
   * Publishes records, adding the current correlation id; resolves when all are durably written.
   * Sends made while another is in flight are coalesced into the next produce request, so
   * concurrent callers share round trips to the broker instead of queueing one by one; each
   * caller's records keep their order.
   */
  async send(records: readonly OutboundRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.connect();
    const correlationId = currentCorrelationId();
    const stamped = records.map((record) => {
      // The trace of the work in hand (a request, a batch) goes on with the record, when tracing is on.
      const headers = withTraceHeaders(record.headers ?? {});
      if (correlationId && headers[RecordHeader.CorrelationId] === undefined) headers[RecordHeader.CorrelationId] = correlationId;
      return { ...record, headers };
    });
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ records: stamped, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group: PendingSend[] = [];
      let size = 0;
      while (this.waiting.length > 0 && (group.length === 0 || size + this.waiting[0].records.length <= MAX_RECORDS_PER_GROUP)) {
        const next = this.waiting.shift()!;
        size += next.records.length;
        group.push(next);
      }
      try {
        for (const request of requestsOf(group.flatMap((pending) => pending.records))) await this.produce(request);
        for (const pending of group) pending.resolve();
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
    this.flushing = false;
  }

  private async produce(records: readonly StampedRecord[]): Promise<void> {
    const byTopic = new Map<string, { key: string | null; value: Buffer | string | null; headers: Record<string, string> }[]>();
    for (const record of records) {
      const messages = byTopic.get(record.topic) ?? [];
      messages.push({ key: record.key, value: record.value, headers: record.headers });
      byTopic.set(record.topic, messages);
    }
    try {
      await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      for (const [topic, messages] of byTopic) HUB_METRICS.recordsPublished.inc({ topic }, messages.length);
    } catch (error) {
      throw new HubError(ErrorCode.KafkaPublishFailed, `publish of ${records.length} record(s) failed: ${String(error)}`, {
        canRetry: true,
        cause: error,
        context: { topics: [...byTopic.keys()] },
      });
    }
  }

  async disconnect(): Promise<void> {
    this.connecting = undefined;
    await this.producer.disconnect();
    this.logger.log('producer disconnected');
  }
}
