/**
 * Publishing through the gateway over HTTP: batches of student-aid records with distinct, valid
 * identity numbers, posted by concurrent clients to a real gateway (and the registry feeding it
 * contracts), beside raw kafkajs producing the same number of records of the same size on the
 * same broker in the same run.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { identityCheckCharacter } from '@hub/contracts';
import { openMemberDirectory } from '@hub/members';
import { freePort, pollUntil } from '@hub/local-infra';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import type { BenchInfra } from './bench-infra.js';
import { cpuSecondsOf, gatewayKeys, peakRssOfMiB, postBatches, startApp, stopApp } from './hub-processes.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { benchSasl, benchKafkaSettings } from './bench-kafka.js';

export interface HttpIngestOptions {
  events: number;
  batchSize: number;
  concurrency: number;
}

const AID = 'education.student-aid.granted.v1';

/** The i-th synthetic resident of 银川兴庆区, born in 2010-2017, with a valid check character. */
function identityNumber(i: number): string {
  const birth = new Date(Date.UTC(2010, 0, 1) + (i % 2900) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `640104${birth}${String(Math.floor(i / 2900) % 1000).padStart(3, '0')}`;
  return first17 + identityCheckCharacter(first17);
}

/** A student-aid record of the i-th synthetic student, as Education submits it. */
export function aidRecord(i: number, run: string) {
  const id = identityNumber(i);
  return {
    id: `${run}-${i}`,
    type: AID,
    data: {
      grantNumber: `ZZ2026-${String(i).padStart(8, '0')}`,
      studentNumber: `G${id}`,
      idNumber: id,
      schoolCode: '2164010401',
      term: '2026-autumn',
      aidType: 'compulsory-living-subsidy',
      amountFen: 62500,
      grantedOn: '2026-10-20',
    },
  };
}

export async function httpIngestBench(projectRoot: string, infra: BenchInfra, options: HttpIngestOptions, details: Record<string, unknown>): Promise<void> {
  const { events, batchSize, concurrency } = options;
  const run = randomBytes(4).toString('hex');
  const env = { KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl! };
  const { members, close } = await openMemberDirectory(infra.databaseUrl!, { migrate: true });
  if (!(await members.get('education'))) await members.add({ id: 'education', role: 'department', recordsPerSecond: 1_000_000 });
  const key = (await members.issueKey('education')).plaintext;
  await close();

  const [gatewayPort, registryPort] = [await freePort(), await freePort()];
  const registry = startApp('apps/registry/src/main.js', { ...env, HTTP_PORT: String(registryPort), SERVICE_NAME: 'bench-registry' });
  const gateway = startApp('apps/gateway/src/main.js', {
    ...env,
    HTTP_PORT: String(gatewayPort),
    SERVICE_NAME: `bench-gateway`,
    ...gatewayKeys(),
  });
  const url = `http://127.0.0.1:${gatewayPort}`;
  try {
    await pollUntil(async () => ((await fetch(`http://127.0.0.1:${registryPort}/health/ready`).catch(() => undefined))?.ok ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'the registry to be ready',
    });
    // Ready once a record is accepted: the gateway has loaded the contracts the registry published.
    await pollUntil(
      async () => {
        const response = await fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify([aidRecord(0, `${run}-warm`)]),
        }).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500, description: 'the gateway to accept a record' },
    );
    const records = Array.from({ length: events }, (_, i) => aidRecord(i, run));
    const batches = Array.from({ length: Math.ceil(events / batchSize) }, (_, b) => ({
      key,
      contentType: 'application/json',
      body: JSON.stringify(records.slice(b * batchSize, (b + 1) * batchSize)),
    }));
    console.log(`${events} records in ${batches.length} HTTP batches of ${batchSize}, ${concurrency} clients, brokers ${infra.brokers.join(',')}`);

    // Warm-up: one pass of a few batches (topic creation, JIT), not counted.
    await postBatches(
      url,
      Array.from({ length: 5 }, (_, b) => ({ key, contentType: 'application/json', body: JSON.stringify(Array.from({ length: batchSize }, (_, i) => aidRecord(b * batchSize + i, `${run}-warmup`))) })),
      concurrency,
    );
    const cpuBefore = cpuSecondsOf(gateway.pid!);
    const http = await postBatches(url, batches, concurrency);
    const gatewayCpuSeconds = cpuSecondsOf(gateway.pid!) - cpuBefore;
    if (http.accepted !== events) throw new Error(`the gateway accepted ${http.accepted} of ${events} records`);
    const gatewayRss = peakRssOfMiB(gateway.pid!);

    const baseline = await rawProduce(infra.brokers, records, batchSize);
    const figures: Figure[] = [
      {
        name: `gateway HTTP ingest (${concurrency} clients, batches of ${batchSize})`,
        eventsPerSecond: events / http.seconds,
        p50Ms: percentile(http.latencies, 50),
        p99Ms: percentile(http.latencies, 99),
      },
      baseline,
    ];
    const ratio = figures[0].eventsPerSecond / baseline.eventsPerSecond;
    const gatewayCpuPerRecordUs = (gatewayCpuSeconds / events) * 1e6;
    console.log(`gateway / raw produce: ${ratio.toFixed(2)}   peak RSS: gateway ${gatewayRss} MiB, benchmark client ${peakRssMiB()} MiB`);
    console.log(
      `gateway CPU: ${gatewayCpuSeconds.toFixed(1)} s over ${http.seconds.toFixed(1)} s (${((100 * gatewayCpuSeconds) / http.seconds).toFixed(0)} % of a core), ${gatewayCpuPerRecordUs.toFixed(0)} µs per record`,
    );
    report(projectRoot, 'http-ingest', figures, { ...details, ratio, gatewayPeakRssMiB: gatewayRss, gatewayCpuPerRecordUs, options });
  } finally {
    await stopApp(gateway);
    await stopApp(registry);
  }
}

/** The baseline: raw kafkajs, idempotent acks=all, one batch at a time, the same records' data as values. */
export async function rawProduce(brokers: string[], records: ReturnType<typeof aidRecord>[], batchSize: number): Promise<Figure> {
  const topic = `bench.raw.${randomBytes(4).toString('hex')}`;
  const admin = new KafkaTopicAdmin(createKafkaClient(benchKafkaSettings(brokers, 'bench')));
  await admin.ensureTopics([{ topic, numPartitions: 6 }]);
  await admin.disconnect();
  const producer = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.WARN, ...benchSasl() }).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const latencies: number[] = [];
  const started = performance.now();
  for (let from = 0; from < records.length; from += batchSize) {
    const t0 = performance.now();
    await producer.send({
      topic,
      acks: -1,
      messages: records
        .slice(from, from + batchSize)
        .map((r) => ({ key: r.data.idNumber, value: JSON.stringify(r.data), headers: { ce_id: r.id, ce_type: r.type, ce_source: '/departments/education', ce_specversion: '1.0' } })),
    });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  latencies.sort((a, b) => a - b);
  return { name: 'raw kafkajs produce of the same records (acks=all, idempotent)', eventsPerSecond: records.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
