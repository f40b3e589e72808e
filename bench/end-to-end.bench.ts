/**
 * Publish to findings: a synthetic region loaded through the hub (region-load.ts) until the last
 * finding is out; recall and precision against the planted gaps; beside raw kafkajs passing the
 * same number of records through the same broker (produce, then consume) in the same run.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { peakRssOfMiB } from './hub-processes.js';
import { prevalenceRows, REAL_FINDING_RATES, type RegionCounts } from '@hub/demo-region';
import { loadRegion } from './region-load.js';
import { benchSasl, benchKafkaSettings } from './bench-kafka.js';

export interface EndToEndOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
  /** Crosscheck instances in one consumer group. */
  crosschecks: number;
  /** Each department loads in a bulk load (the findings are announced once the loads are judged). */
  bulkLoads: boolean;
}

const SETTLE_MS = 1000;

export async function endToEndBench(projectRoot: string, infra: BenchInfra, options: EndToEndOptions, details: Record<string, unknown>): Promise<void> {
  const region = await loadRegion(infra, { ...options, settleMs: SETTLE_MS });
  const { records, started, published, finished } = region;
  try {
    const rss = Object.fromEntries(Object.entries(region.apps).map(([name, child]) => [name, peakRssOfMiB(child.pid!)]));
    const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(region.pseudonymKeys));
    const key = (rule: string, subject: string, period: string, item?: string | null) => `${rule} ${subject} ${period}${item ? ` ${item}` : ''}`;
    const planted = new Set(region.expected.map((e) => key(e.rule, pseudonymiser.pseudonymise('person', e.idNumber), e.period, e.item)));
    const found = new Set(
      (
        await region.database.query<{ rule: string; subject: string; period: string; item: string | null }>(
          `SELECT rule, subject, finding ->> 'period' AS period, finding ->> 'item' AS item FROM crosscheck_finding WHERE state = 'open'`,
        )
      ).rows.map((f) => key(f.rule, f.subject, f.period, f.item)),
    );
    const hits = [...found].filter((f) => planted.has(f)).length;
    const recall = planted.size === 0 ? 1 : hits / planted.size;
    const precision = found.size === 0 ? 1 : hits / found.size;

    const baseline = await rawPassThrough(infra.brokers, records);
    const endToEnd: Figure = {
      name: `publish to last finding (${options.clients} clients, batches of ${options.batchSize}, ${options.crosschecks} crosscheck${options.crosschecks === 1 ? '' : 's'}, settle ${SETTLE_MS} ms)`,
      eventsPerSecond: records / ((finished - started) / 1000),
    };
    const publishing: Figure = {
      name: 'publishing through the gateway (HTTP, NDJSON)',
      eventsPerSecond: records / ((published - started) / 1000),
      p50Ms: percentile(region.requestLatencies, 50),
      p99Ms: percentile(region.requestLatencies, 99),
    };
    const ratio = endToEnd.eventsPerSecond / baseline.eventsPerSecond;
    console.log(
      `time to the last finding: ${((finished - started) / 1000).toFixed(1)} s; recall ${(recall * 100).toFixed(2)} %, precision ${(precision * 100).toFixed(2)} % (${hits} of ${planted.size} planted, ${found.size} raised)`,
    );
    const byRule = countsByRule(planted, found);
    console.table(withRates(byRule, region.counts));
    console.log("the region beside the review's targets (../shared/policy-review.md §4):");
    console.table(prevalenceRows(region.counts));
    const rssParts = Object.entries(rss).map(([name, mib]) => `${name} ${mib} MiB`);
    console.log(`end to end / raw pass-through: ${ratio.toFixed(2)}   peak RSS: ${rssParts.join(', ')}, benchmark client ${peakRssMiB()} MiB`);
    const cpuParts = Object.entries(region.cpu.microsecondsPerRecord).map(([part, micros]) => `${part} ${micros}`);
    console.log(`CPU per record (µs), first record sent to last finding out: ${cpuParts.join(', ')}; the machine's ${(region.cpu.machineBusy * 100).toFixed(0)} % busy`);
    report(projectRoot, 'end-to-end', [endToEnd, publishing, baseline], {
      ...details,
      options,
      records,
      secondsToLastFinding: (finished - started) / 1000,
      recall,
      precision,
      byRule,
      prevalences: prevalenceRows(region.counts),
      ratio,
      peakRssMiB: rss,
      cpu: region.cpu,
      openFindings: region.openFindings,
    });
  } finally {
    await region.stop();
  }
}

/** Per rule family: findings planted, raised, planted and raised, planted but not raised (missed), raised but not planted (extra). Keys are `<rule> <subject> <period>`. */
function countsByRule(planted: ReadonlySet<string>, found: ReadonlySet<string>): Record<string, { planted: number; raised: number; hits: number; missed: number; extra: number }> {
  const rows: Record<string, { planted: number; raised: number; hits: number; missed: number; extra: number }> = {};
  const row = (key: string) => (rows[key.split(' ')[0]] ??= { planted: 0, raised: 0, hits: 0, missed: 0, extra: 0 });
  for (const key of planted) {
    const counts = row(key);
    counts.planted++;
    if (found.has(key)) counts.hits++;
    else counts.missed++;
  }
  for (const key of found) {
    const counts = row(key);
    counts.raised++;
    if (!planted.has(key)) counts.extra++;
  }
  return Object.fromEntries(Object.entries(rows).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each rule's row with its planted findings per 10,000 residents, beside the real rate the review gives. */
function withRates(byRule: ReturnType<typeof countsByRule>, counts: RegionCounts): Record<string, Record<string, number | string>> {
  return Object.fromEntries(
    Object.entries(byRule).map(([rule, row]) => [
      rule,
      { ...row, 'per 10,000': Number(((10_000 * row.planted) / counts.persons).toFixed(1)), 'in reality': REAL_FINDING_RATES[rule] ?? 'no figure found' },
    ]),
  );
}

/** The baseline: the same number of records produced (acks=all, batches of 1,000) and consumed by a group, start to last record. */
async function rawPassThrough(brokers: string[], records: number): Promise<Figure> {
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
