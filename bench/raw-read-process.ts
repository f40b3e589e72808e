/**
 * The audit benchmark's baseline, in a process of its own like the `hub replay` it is compared
 * with (the benchmark's own heap holds the generated region): kafkajs alone reading the canonical
 * topics from the beginning in a group of its own, start to last record. Prints the rate as JSON.
 *
 *   node dist/bench/raw-read-process.js <brokers> <records>
 */
import { Kafka, logLevel } from 'kafkajs';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { benchSasl } from './bench-kafka.js';

const [brokers = '', recordsText = ''] = process.argv.slice(2);
const records = Number(recordsText);
if (!brokers || !(records > 0)) throw new Error('usage: raw-read-process.js <brokers> <records>');

const kafka = new Kafka({ brokers: brokers.split(','), clientId: 'bench-raw-read', logLevel: logLevel.WARN, ...benchSasl() });
const consumer = kafka.consumer({ groupId: `bench-read-${Date.now()}`, maxBytesPerPartition: 4 * 1_048_576 });
await consumer.connect();
await consumer.subscribe({ topics: [...FACT_EVENT_TYPES], fromBeginning: true });
let seen = 0;
const started = performance.now();
await new Promise<void>((resolve) => {
  void consumer.run({
    eachBatch: async ({ batch }) => {
      seen += batch.messages.length;
      if (seen >= records) resolve();
    },
  });
});
const seconds = (performance.now() - started) / 1000;
await consumer.disconnect();
process.stdout.write(`${JSON.stringify({ eventsPerSecond: records / seconds, seconds })}\n`);
