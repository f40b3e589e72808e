import type { Consumer } from 'kafkajs';
import { createKafkaClient, FETCH_MAX_WAIT_MS, type InboundRecord } from '@hub/messaging';
import { eventually } from './eventually.js';
import { testKafkaSettings } from './test-kafka.js';
import { uniqueName } from './unique-name.js';

/** Reads a whole topic from the beginning in the background, for assertions on what landed there. */
export class TopicReader {
  readonly records: InboundRecord[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string): Promise<TopicReader> {
    const kafka = createKafkaClient({ ...testKafkaSettings('test-reader'), quiet: true });
    const consumer = kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: FETCH_MAX_WAIT_MS });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        reader.records.push({ topic, partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value, headers, timestamp: message.timestamp });
      },
    });
    return reader;
  }

  async waitForCount(count: number): Promise<InboundRecord[]> {
    await eventually(`${count} record(s) on the topic`, async () => this.records.length >= count);
    return this.records;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
