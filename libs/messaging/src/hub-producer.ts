import { Logger } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { currentCorrelationId } from '@hub/logging';
import { ErrorCode, HubError } from '@hub/errors';
import type { OutboundRecord, PublishReceipt } from './outbound-record.js';
import { RecordHeader } from './record-headers.js';

/**
 * The hub's one way to publish. Every send waits for acks from all in-sync replicas on an
 * idempotent producer, so a resolved send means the broker has the records durably, once.
 */
export class HubProducer {
  private readonly logger = new Logger(HubProducer.name);
  private readonly producer: Producer;
  private connecting?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps the idempotent sequence strictly ordered; batching gives the throughput.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // murmur2, the Java client's partitioner: a key lands on the same partition whichever client publishes it.
      createPartitioner: Partitioners.DefaultPartitioner,
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

  /** Publishes records, adding the current correlation id; resolves when all are durably written. */
  async send(records: readonly OutboundRecord[]): Promise<PublishReceipt[]> {
    if (records.length === 0) return [];
    await this.connect();
    const correlationId = currentCorrelationId();
    const byTopic = new Map<string, { key: string | null; value: Buffer | string | null; headers: Record<string, string> }[]>();
    for (const record of records) {
      const headers = { ...record.headers };
      if (correlationId && headers[RecordHeader.CorrelationId] === undefined) headers[RecordHeader.CorrelationId] = correlationId;
      const messages = byTopic.get(record.topic) ?? [];
      messages.push({ key: record.key, value: record.value, headers });
      byTopic.set(record.topic, messages);
    }
    try {
      const results = await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      return results.map((r) => ({ topic: r.topicName, partition: r.partition, baseOffset: r.baseOffset ?? '-1' }));
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
