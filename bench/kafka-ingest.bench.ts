/**
 * Publishing through the gateway over Kafka: student-aid records as CloudEvents (binary mode) on the
 * department's inbound topic, each answered on its results topic by a real gateway, beside raw
 * kafkajs producing the same records on the same broker in the same run.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { toKafkaBinary } from '@hub/contracts';
import { memberTopics } from '@hub/messaging';
import { openMemberDirectory } from '@hub/members';
import { freePort, pollUntil } from '@hub/local-infra';
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { aidRecord, rawProduce } from './http-ingest.bench.js';
import { cpuSecondsOf, gatewayKeys, peakRssOfMiB, startApp, stopApp } from './hub-processes.js';
import { benchSasl } from './bench-kafka.js';

export interface KafkaIngestOptions {
  events: number;
  batchSize: number;
}

export async function kafkaIngestBench(projectRoot: string, infra: BenchInfra, options: KafkaIngestOptions, details: Record<string, unknown>): Promise<void> {
  const { events, batchSize } = options;
  const run = randomBytes(4).toString('hex');
  const env = { KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl! };
  const { members, close } = await openMemberDirectory(infra.databaseUrl!, { migrate: true });
  if (!(await members.get('education'))) await members.add({ id: 'education', role: 'department', recordsPerSecond: 1_000_000 });
  await close();
  const topics = memberTopics('education');

  const registryPort = await freePort();
  const registry = startApp('apps/registry/src/main.js', { ...env, HTTP_PORT: String(registryPort), SERVICE_NAME: 'bench-registry' });
  await pollUntil(async () => ((await fetch(`http://127.0.0.1:${registryPort}/health/ready`).catch(() => undefined))?.ok ? true : undefined), {
    timeoutMs: 120_000,
    intervalMs: 500,
    description: 'the registry to be ready',
  });
  const gateway = startApp('apps/gateway/src/main.js', { ...env, HTTP_PORT: String(await freePort()), SERVICE_NAME: 'bench-gateway', ...gatewayKeys() });

  const kafka = new Kafka({ brokers: infra.brokers, clientId: 'bench-department', logLevel: logLevel.WARN, ...benchSasl() });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-results-${run}` });
  const answered = new Map<string, number>();
  const envelope = (record: ReturnType<typeof aidRecord>) => {
    const message = toKafkaBinary({ specversion: '1.0', id: record.id, source: '/systems/bench', type: record.type, datacontenttype: 'application/json', data: record.data }, record.id);
    return { key: message.key, value: message.value, headers: message.headers };
  };
  try {
    await producer.connect();
    await consumer.connect();
    const admin = kafka.admin();
    await admin.connect();
    await pollUntil(async () => ((await admin.listTopics()).includes(topics.results) ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'the gateway to create the results topic',
    });
    await admin.disconnect();
    await consumer.subscribe({ topic: topics.results, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages) if (message.key) answered.set(message.key.toString(), now);
      },
    });
    // Warm-up until the gateway answers (its consumer has joined and read the contracts), not counted.
    const warm = aidRecord(0, `${run}-warm`);
    await pollUntil(
      async () => {
        await producer.send({ topic: topics.inbound, acks: -1, messages: [envelope({ ...warm, id: `${warm.id}-${Date.now()}` })] });
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return [...answered.keys()].some((id) => id.startsWith(`${run}-warm`)) ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 100, description: 'the gateway to answer on its results topic' },
    );

    const records = Array.from({ length: events }, (_, i) => aidRecord(i, run));
    console.log(`${events} records as CloudEvents on ${topics.inbound} in batches of ${batchSize}, brokers ${infra.brokers.join(',')}`);
    const sentAt = new Map<string, number>();
    const cpuBefore = cpuSecondsOf(gateway.pid!);
    const started = performance.now();
    for (let from = 0; from < events; from += batchSize) {
      const batch = records.slice(from, from + batchSize);
      const t0 = performance.now();
      batch.forEach((r) => sentAt.set(r.id, t0));
      await producer.send({ topic: topics.inbound, acks: -1, messages: batch.map(envelope) });
    }
    await pollUntil(async () => (records.every((r) => answered.has(r.id)) ? true : undefined), { timeoutMs: 3_600_000, intervalMs: 100, description: 'every record answered' });
    // A loop, not Math.max(...): spreading 200,000 arguments overflows the stack.
    const lastAnswered = records.reduce((latest, r) => Math.max(latest, answered.get(r.id)!), 0);
    const seconds = (lastAnswered - started) / 1000;
    const gatewayCpuSeconds = cpuSecondsOf(gateway.pid!) - cpuBefore;
    const latencies = records.map((r) => answered.get(r.id)! - sentAt.get(r.id)!).sort((a, b) => a - b);
    const gatewayRss = peakRssOfMiB(gateway.pid!);

    const baseline = await rawProduce(infra.brokers, records, batchSize);
    const ingest: Figure = {
      name: `gateway Kafka ingest, inbound topic to result (batches of ${batchSize})`,
      eventsPerSecond: events / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };
    const ratio = ingest.eventsPerSecond / baseline.eventsPerSecond;
    console.log(
      `gateway over Kafka / raw produce: ${ratio.toFixed(2)}   peak RSS: gateway ${gatewayRss} MiB, benchmark client ${peakRssMiB()} MiB   gateway CPU ${((gatewayCpuSeconds / events) * 1e6).toFixed(0)} µs per record`,
    );
    report(projectRoot, 'kafka-ingest', [ingest, baseline], { ...details, ratio, gatewayPeakRssMiB: gatewayRss, gatewayCpuPerRecordUs: (gatewayCpuSeconds / events) * 1e6, options });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await stopApp(gateway);
    await stopApp(registry);
  }
}
