/** The baseline of the region benchmarks: raw kafkajs passing as many records through the same broker. */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import type { Figure } from './bench-report.js';
import { benchKafkaSettings, benchSasl } from './bench-kafka.js';

/** The baseline: the same number of records produced (acks=all, batches of 1,000) and consumed by a group, start to last record. */
export async function rawPassThrough(brokers: string[], records: number): Promise<Figure> {
  const topic = `bench.passthrough.${randomBytes(4).toString('hex')}`;
  const admin = new KafkaTopicAdmin(createKafkaClient(benchKafkaSettings(brokers, 'bench')));
  await admin.ensureTopics([{ topic, numPartitions: 6 }]);
  await admin.disconnect();
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.WARN, ...benchSasl() });
  const value = JSON.stringify({ pad: randomBytes(180).toString('hex') });
  const consumer = kafka.consumer({ groupId: `bench-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= records) resolve();
      },
    });
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const started = performance.now();
  for (let from = 0; from < records; from += 1000) {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: Math.min(1000, records - from) }, (_, i) => ({ key: `k${from + i}`, value })) });
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  return { name: 'raw kafkajs pass-through (produce acks=all, consume in a group)', eventsPerSecond: records / seconds };
}
