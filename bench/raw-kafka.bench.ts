/**
 * The baseline every hub benchmark is compared with: raw kafkajs produce (acks=all) and consume
 * (consumer group, eachBatch) on the same broker, and the hub's own producer beside it.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaClient, HubProducer, KafkaTopicAdmin } from '@hub/messaging';
import { percentile, report, type Figure } from './bench-report.js';
import { benchSasl, benchKafkaSettings } from './bench-kafka.js';

export interface RawKafkaOptions {
  brokers: string[];
  events: number;
  batchSize: number;
  valueBytes: number;
  partitions: number;
}

/** A payload shaped like a canonical event (JSON, ~valueBytes long). */
function payload(i: number, valueBytes: number): string {
  const base = { specversion: '1.0', type: 'civil-affairs.household-status.changed.v1', id: `evt-${i}`, household: `hh-${i % 100_000}` };
  const padding = Math.max(0, valueBytes - JSON.stringify(base).length - 12);
  return JSON.stringify({
    ...base,
    pad: randomBytes(Math.ceil(padding / 2))
      .toString('hex')
      .slice(0, padding),
  });
}

async function produce(name: string, events: number, batchSize: number, send: (from: number, to: number) => Promise<unknown>): Promise<Figure> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let from = 0; from < events; from += batchSize) {
    const t0 = performance.now();
    await send(from, Math.min(events, from + batchSize));
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, eventsPerSecond: events / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function consume(kafka: Kafka, topic: string, events: number): Promise<Figure> {
  const consumer = kafka.consumer({ groupId: `bench-${randomBytes(4).toString('hex')}`, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let started = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (started === 0) started = performance.now();
        seen += batch.messages.length;
        await consumer.commitOffsets([{ topic, partition: batch.partition, offset: (BigInt(batch.lastOffset()) + 1n).toString() }]);
        if (seen >= events) resolve();
      },
    });
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return { name: 'raw kafkajs consume (group, eachBatch, commit per batch)', eventsPerSecond: events / seconds };
}

export async function rawKafkaBench(projectRoot: string, options: RawKafkaOptions, details: Record<string, unknown>): Promise<void> {
  const { brokers, events, batchSize, valueBytes, partitions } = options;
  const rawTopic = `bench.raw.${randomBytes(4).toString('hex')}`;
  const hubTopic = `bench.hub.${randomBytes(4).toString('hex')}`;
  const admin = new KafkaTopicAdmin(createKafkaClient(benchKafkaSettings(brokers, 'bench')));
  await admin.ensureTopics([
    { topic: rawTopic, numPartitions: partitions },
    { topic: hubTopic, numPartitions: partitions },
  ]);
  await admin.disconnect();

  const values = Array.from({ length: Math.min(events, 10_000) }, (_, i) => payload(i, valueBytes));
  const value = (i: number) => values[i % values.length];
  console.log(`${events} events of ~${valueBytes} bytes, batches of ${batchSize}, ${partitions} partitions, brokers ${brokers.join(',')}`);

  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.WARN, ...benchSasl() });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const rawProduce = await produce('raw kafkajs produce (acks=all, idempotent)', events, batchSize, (from, to) =>
    producer.send({ topic: rawTopic, acks: -1, messages: Array.from({ length: to - from }, (_, k) => ({ key: `k${from + k}`, value: value(from + k) })) }),
  );
  await producer.disconnect();

  // The ceiling: no idempotence, several batches in flight at once.
  const parallel = kafka.producer();
  await parallel.connect();
  const inFlight = 4;
  const rawParallel = await produce(`raw kafkajs produce (acks=all, ${inFlight} batches in flight)`, events, batchSize * inFlight, (from, to) =>
    Promise.all(
      Array.from({ length: inFlight }, (_, slot) => {
        const start = from + slot * batchSize;
        const end = Math.min(to, start + batchSize);
        if (start >= end) return Promise.resolve();
        return parallel.send({ topic: rawTopic, acks: -1, messages: Array.from({ length: end - start }, (_, k) => ({ key: `p${start + k}`, value: value(start + k) })) });
      }),
    ),
  );
  await parallel.disconnect();

  const hubProducer = new HubProducer(createKafkaClient(benchKafkaSettings(brokers, 'bench-hub')));
  const hubProduce = await produce('hub producer (HubProducer.send)', events, batchSize, (from, to) =>
    hubProducer.send(Array.from({ length: to - from }, (_, k) => ({ topic: hubTopic, key: `k${from + k}`, value: value(from + k) }))),
  );
  await hubProducer.disconnect();

  const rawConsume = await consume(kafka, rawTopic, events * 2);
  const figures = [rawProduce, rawParallel, hubProduce, rawConsume];
  console.log(`hub producer / raw produce: ${(hubProduce.eventsPerSecond / rawProduce.eventsPerSecond).toFixed(2)}`);
  report(projectRoot, 'raw-kafka', figures, { ...details, options: { events, batchSize, valueBytes, partitions } });
}
