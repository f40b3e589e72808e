/**
 * Publish to findings: a synthetic region (`hub demo generate`'s generator) published by its five
 * departments through a real gateway over HTTP, cross-checked by a real crosscheck, until the last
 * finding is out; recall and precision against the planted gaps; beside raw kafkajs passing the
 * same number of records through the same broker (produce, then consume) in the same run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { generateRegion, REGION_DAY, type ExpectedFinding } from '@hub/demo-region';
import { openMemberDirectory } from '@hub/gateway';
import { freePort, pollUntil } from '@hub/local-infra';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import { PseudonymKeyRing, Pseudonymiser } from '@hub/privacy';
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { peakRssOfMiB, postBatches, startApp, stopApp, type Batch } from './hub-processes.js';

export interface EndToEndOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
}

const DEPARTMENTS = ['civil-affairs', 'rural-revitalisation', 'education', 'disability', 'healthcare-security'];
const SETTLE_MS = 1000;

export async function endToEndBench(projectRoot: string, infra: BenchInfra, options: EndToEndOptions, details: Record<string, unknown>): Promise<void> {
  const pseudonymKeys = `1:${randomBytes(32).toString('base64')}`;
  const env = { KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl! };
  const keys: Record<string, string> = {};
  const { members, close } = await openMemberDirectory(infra.databaseUrl!);
  for (const department of DEPARTMENTS) {
    if (!(await members.get(department))) await members.add({ id: department, role: 'department', recordsPerSecond: 1_000_000, maxRequestBytes: 64 * 1024 * 1024 });
    keys[department] = (await members.issueKey(department)).plaintext;
  }
  await close();

  const generated = performance.now();
  const batches: Batch[] = [];
  const expected: ExpectedFinding[] = [];
  const pending = new Map(DEPARTMENTS.map((d) => [d, [] as string[]]));
  let records = 0;
  const flush = (department: string) => {
    const lines = pending.get(department)!;
    if (lines.length > 0) batches.push({ key: keys[department]!, contentType: 'application/x-ndjson', body: lines.join('\n') });
    pending.set(department, []);
  };
  for (const household of generateRegion({ persons: options.persons, seed: options.seed })) {
    expected.push(...household.expected);
    for (const { department, record } of household.records) {
      pending.get(department)!.push(JSON.stringify(record));
      records++;
      if (pending.get(department)!.length >= options.batchSize) flush(department);
    }
  }
  DEPARTMENTS.forEach(flush);
  console.log(`region of ${options.persons} persons (seed ${options.seed}): ${records} records in ${batches.length} batches, ${expected.length} planted findings, generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`);

  const [gatewayPort, registryPort] = [await freePort(), await freePort()];
  const registry = startApp(projectRoot, 'apps/registry/src/main.js', { ...env, HTTP_PORT: String(registryPort), SERVICE_NAME: 'bench-registry' });
  // The registry publishes every contract before it reports ready; a gateway started earlier could refuse records of a type it has not read yet.
  await pollUntil(async () => ((await fetch(`http://127.0.0.1:${registryPort}/health/ready`).catch(() => undefined))?.ok ? true : undefined), {
    timeoutMs: 180_000,
    intervalMs: 500,
    description: 'the registry to be ready',
  });
  const gateway = startApp(projectRoot, 'apps/gateway/src/main.js', { ...env, HTTP_PORT: String(gatewayPort), SERVICE_NAME: 'bench-gateway', PSEUDONYM_KEYS: pseudonymKeys });
  const crosscheck = startApp(projectRoot, 'apps/crosscheck/src/main.js', { ...env, SERVICE_NAME: `bench-crosscheck-${randomBytes(3).toString('hex')}`, FINDING_SETTLE_MS: String(SETTLE_MS), EVALUATION_DATE: REGION_DAY });
  const url = `http://127.0.0.1:${gatewayPort}`;
  const database = new pg.Pool({ connectionString: infra.databaseUrl, max: 2 });
  const count = async (sql: string) => Number((await database.query<{ n: string }>(sql)).rows[0]!.n);
  try {
    await pollUntil(async () => ((await fetch(`${url}/v1/facts`, { headers: { authorization: `Bearer ${keys['education']}` } }).catch(() => undefined))?.status === 200 ? true : undefined), {
      timeoutMs: 180_000,
      intervalMs: 500,
      description: 'the gateway to have loaded the contracts',
    });
    const before = await count('SELECT count(*) AS n FROM crosscheck_fact');
    const started = performance.now();
    const http = await postBatches(url, batches, options.clients);
    const published = performance.now();
    if (http.accepted !== records) throw new Error(`the gateway accepted ${http.accepted} of ${records} records; see GET /v1/rejections`);
    let lastProgress = 0;
    await pollUntil(
      async () => {
        const facts = (await count('SELECT count(*) AS n FROM crosscheck_fact')) - before;
        const unpublished = await count('SELECT count(*) AS n FROM crosscheck_outbox WHERE published_at IS NULL');
        if (performance.now() - lastProgress > 5000) {
          lastProgress = performance.now();
          console.log(`  crosscheck: ${facts} of ${records} records folded, ${unpublished} finding changes to announce`);
        }
        return facts >= records && unpublished === 0 ? true : undefined;
      },
      { timeoutMs: 3_600_000, intervalMs: 200, description: 'the crosscheck to fold every record and announce every finding' },
    );
    const finished = performance.now();
    const rss = { gateway: peakRssOfMiB(gateway.pid!), crosscheck: peakRssOfMiB(crosscheck.pid!) };

    const pseudonymiser = new Pseudonymiser(PseudonymKeyRing.parse(pseudonymKeys));
    const planted = new Set(expected.map((e) => `${e.rule} ${pseudonymiser.pseudonymise('person', e.idNumber)} ${e.period}`));
    const found = new Set((await database.query<{ rule: string; subject: string; period: string }>(`SELECT rule, subject, finding ->> 'period' AS period FROM crosscheck_finding WHERE state = 'open'`)).rows.map((f) => `${f.rule} ${f.subject} ${f.period}`));
    const hits = [...found].filter((f) => planted.has(f)).length;
    const recall = planted.size === 0 ? 1 : hits / planted.size;
    const precision = found.size === 0 ? 1 : hits / found.size;

    const baseline = await rawPassThrough(infra.brokers, records);
    const endToEnd: Figure = { name: `publish to last finding (${options.clients} clients, batches of ${options.batchSize}, settle ${SETTLE_MS} ms)`, eventsPerSecond: records / ((finished - started) / 1000) };
    const publishing: Figure = { name: 'publishing through the gateway (HTTP, NDJSON)', eventsPerSecond: records / ((published - started) / 1000), p50Ms: percentile(http.latencies, 50), p99Ms: percentile(http.latencies, 99) };
    const ratio = endToEnd.eventsPerSecond / baseline.eventsPerSecond;
    console.log(`time to the last finding: ${((finished - started) / 1000).toFixed(1)} s; recall ${(recall * 100).toFixed(2)} %, precision ${(precision * 100).toFixed(2)} % (${hits} of ${planted.size} planted, ${found.size} raised)`);
    console.log(`end to end / raw pass-through: ${ratio.toFixed(2)}   peak RSS: gateway ${rss.gateway} MiB, crosscheck ${rss.crosscheck} MiB, benchmark client ${peakRssMiB()} MiB`);
    report(projectRoot, 'end-to-end', [endToEnd, publishing, baseline], {
      ...details,
      options,
      records,
      secondsToLastFinding: (finished - started) / 1000,
      recall,
      precision,
      ratio,
      peakRssMiB: rss,
    });
  } finally {
    await database.end();
    await Promise.all([stopApp(crosscheck), stopApp(gateway), stopApp(registry)]);
  }
}

/** The baseline: the same number of records produced (acks=all, batches of 1,000) and consumed by a group, start to last record. */
async function rawPassThrough(brokers: string[], records: number): Promise<Figure> {
  const topic = `bench.passthrough.${randomBytes(4).toString('hex')}`;
  const admin = new KafkaTopicAdmin(createKafkaClient({ brokers, clientId: 'bench' }));
  await admin.ensureTopics([{ topic, numPartitions: 6 }]);
  await admin.disconnect();
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.WARN });
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
