/**
 * Publish to finding at a steady rate: a synthetic region's records, household by household, sent
 * through the gateway at BENCH_RATE events/s (one request per department every tick), and each
 * raised finding timed from the sending of the last of the events it cites to the crosscheck
 * deciding it (the finding's occurredAt) and to its announcement on the findings topic (after
 * the settle). Beside raw kafkajs producing and consuming at the same rate on the same broker.
 */
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { generateRegion } from '@hub/demo-region';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import { pollUntil } from '@hub/local-infra';
import type { BenchInfra } from './bench-infra.js';
import { peakRssMiB, percentile, report, type Figure } from './bench-report.js';
import { cpuSecondsOf, peakRssOfMiB } from './hub-processes.js';
import { startBenchHub } from './region-load.js';
import { benchSasl, benchKafkaSettings } from './bench-kafka.js';

export interface FindingLatencyOptions {
  /** Events per second sent. */
  rate: number;
  seconds: number;
  seed: number;
  settleMs: number;
  /** How often each department sends what it has gathered: fewer, larger requests cost the gateway less per record. */
  tickMs: number;
}

const MAX_IN_FLIGHT = 50;
const FINDINGS_TOPIC = 'hub.finding.changed.v1';

interface FindingChangeData {
  change: string;
  occurredAt: string;
  evidence: { eventId: string }[];
}

function spread(name: string, eventsPerSecond: number, latencies: number[]): Figure {
  const inOrder = [...latencies].sort((a, b) => a - b);
  return { name, eventsPerSecond, p50Ms: percentile(inOrder, 50), p99Ms: percentile(inOrder, 99) };
}

/** Calls `send` every `tickMs` with the next slice of `count` items, on a fixed schedule whatever the answers take (up to MAX_IN_FLIGHT unanswered). */
async function atSteadyRate(count: number, rate: number, tickMs: number, send: (from: number, to: number) => Promise<void>): Promise<number> {
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let tick = 0, from = 0; from < count; tick++, from += perTick) {
    const due = started + tick * tickMs;
    if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const request = send(from, Math.min(count, from + perTick)).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return count / ((performance.now() - started) / 1000);
}

/** A consumer of a topic from its beginning, once it has joined its group. */
async function joinedConsumer(kafka: Kafka, topic: string, onRecord: (value: Buffer, receivedAt: number) => void): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: `bench-latency-${randomBytes(4).toString('hex')}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => {
      resolve();
    }),
  );
  await consumer.run({
    eachMessage: async ({ message }) => {
      onRecord(message.value!, Date.now());
    },
  });
  await joined;
  return consumer;
}

export async function findingLatencyBench(projectRoot: string, infra: BenchInfra, options: FindingLatencyOptions, details: Record<string, unknown>): Promise<void> {
  const count = options.rate * options.seconds;
  const records: { department: string; id: string; line: string }[] = [];
  for (const household of generateRegion({ persons: count * 2, seed: options.seed })) {
    for (const { department, record } of household.records) records.push({ department, id: record.id, line: JSON.stringify(record) });
    if (records.length >= count) break;
  }
  records.length = Math.min(records.length, count);

  const hub = await startBenchHub(infra, { settleMs: options.settleMs });
  const kafka = new Kafka({ brokers: infra.brokers, clientId: 'bench-latency', logLevel: logLevel.WARN, ...benchSasl() });
  try {
    const sentAt = new Map<string, number>();
    const decided: number[] = [];
    const announced: number[] = [];
    let changesSeen = 0;
    let uncited = 0;
    const findings = await joinedConsumer(kafka, FINDINGS_TOPIC, (value, receivedAt) => {
      changesSeen++;
      // Binary mode: the value is the event's data, the envelope is in the headers.
      const data = JSON.parse(value.toString('utf8')) as FindingChangeData;
      if (data.change !== 'raised') return;
      const cited = data.evidence.map((e) => sentAt.get(e.eventId));
      if (cited.some((t) => t === undefined)) {
        uncited++;
        return;
      }
      const lastSent = Math.max(...(cited as number[]));
      decided.push(Date.parse(data.occurredAt) - lastSent);
      announced.push(receivedAt - lastSent);
    });

    const requestLatencies: number[] = [];
    const cpu = () => ({ at: performance.now(), gateway: cpuSecondsOf(hub.apps.gateway.pid!), crosscheck: cpuSecondsOf(hub.apps.crosscheck.pid!) });
    const cpuBefore = cpu();
    console.log(`sending ${count} records of the region (seed ${options.seed}) at ${options.rate}/s through the gateway, settle ${options.settleMs} ms ...`);
    const sendingRate = await atSteadyRate(records.length, options.rate, options.tickMs, async (from, to) => {
      const byDepartment = new Map<string, string[]>();
      for (const { department, id, line } of records.slice(from, to)) {
        const lines = byDepartment.get(department) ?? [];
        lines.push(line);
        byDepartment.set(department, lines);
        sentAt.set(id, Date.now());
      }
      await Promise.all(
        [...byDepartment].map(async ([department, lines]) => {
          const t0 = performance.now();
          const response = await fetch(`${hub.url}/v1/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${hub.keys[department]}`, 'content-type': 'application/x-ndjson' },
            body: lines.join('\n'),
          });
          const outcome = (await response.json()) as { accepted?: number; message?: string };
          if (response.status !== 200 || outcome.accepted !== lines.length) throw new Error(`the gateway answered ${response.status}: ${outcome.message ?? JSON.stringify(outcome)}`);
          requestLatencies.push(performance.now() - t0);
        }),
      );
    });
    await pollUntil(
      async () => {
        const [folded, unpublished, published] = await Promise.all([
          hub.count('SELECT count(*) AS n FROM crosscheck_fact'),
          hub.count('SELECT count(*) AS n FROM crosscheck_outbox WHERE published_at IS NULL'),
          hub.count('SELECT count(*) AS n FROM crosscheck_outbox WHERE published_at IS NOT NULL'),
        ]);
        return folded >= records.length && unpublished === 0 && changesSeen >= published ? true : undefined;
      },
      { timeoutMs: 600_000, intervalMs: 200, description: 'every record folded and every finding change announced and read' },
    );
    const cpuAfter = cpu();
    await findings.disconnect();
    if (decided.length === 0) throw new Error(`no raised finding could be timed (${uncited} cited events not sent by this run)`);
    const rss = { gateway: peakRssOfMiB(hub.apps.gateway.pid!), crosscheck: peakRssOfMiB(hub.apps.crosscheck.pid!) };

    const baseline = await rawAtSteadyRate(kafka, infra.brokers, options.rate, options.tickMs, Math.min(options.seconds, 30));
    const figures = [
      spread(`publish to finding decided by the crosscheck (${decided.length} raised findings, ${options.rate}/s sent)`, sendingRate, decided),
      spread(`publish to finding announced on ${FINDINGS_TOPIC} (settle ${options.settleMs} ms)`, sendingRate, announced),
      spread(`publish requests (one per department every ${options.tickMs} ms)`, sendingRate, requestLatencies),
      baseline,
    ];
    console.log(
      `sent at ${Math.round(sendingRate)}/s; p99 publish to finding: decided ${figures[0].p99Ms!.toFixed(0)} ms, announced ${figures[1].p99Ms!.toFixed(0)} ms (target 1000 ms); raw kafkajs p99 ${baseline.p99Ms!.toFixed(0)} ms; ${uncited} raised findings cite events of earlier runs`,
    );
    const busy = (app: 'gateway' | 'crosscheck') => `${Math.round((100 * (cpuAfter[app] - cpuBefore[app])) / ((cpuAfter.at - cpuBefore.at) / 1000))} %`;
    console.log(`CPU while sending and until the last finding: gateway ${busy('gateway')}, crosscheck ${busy('crosscheck')} of a core`);
    console.log(`peak RSS: gateway ${rss.gateway} MiB, crosscheck ${rss.crosscheck} MiB, benchmark client ${peakRssMiB()} MiB`);
    report(projectRoot, 'finding-latency', figures, { ...details, options, records: records.length, timedFindings: decided.length, peakRssMiB: rss });
  } finally {
    await hub.stop();
  }
}

/** The baseline: kafkajs producing (acks=all) at the same rate and a group consuming, each record timed from its send to its arrival. */
async function rawAtSteadyRate(kafka: Kafka, brokers: string[], rate: number, tickMs: number, seconds: number): Promise<Figure> {
  const topic = `bench.latency.${randomBytes(4).toString('hex')}`;
  const admin = new KafkaTopicAdmin(createKafkaClient(benchKafkaSettings(brokers, 'bench')));
  await admin.ensureTopics([{ topic, numPartitions: 6 }]);
  await admin.disconnect();
  const latencies: number[] = [];
  const consumer = await joinedConsumer(kafka, topic, (value, receivedAt) => latencies.push(receivedAt - Number(value.toString('utf8').slice(0, 13))));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const pad = randomBytes(180).toString('hex');
  const count = rate * seconds;
  const sendingRate = await atSteadyRate(count, rate, tickMs, async (from, to) => {
    const at = String(Date.now());
    await producer.send({ topic, acks: -1, messages: Array.from({ length: to - from }, (_, i) => ({ key: `k${from + i}`, value: `${at} ${pad}` })) });
  });
  await pollUntil(async () => (latencies.length >= count ? true : undefined), { timeoutMs: 120_000, intervalMs: 100, description: 'the raw consumer to read every record' });
  await producer.disconnect();
  await consumer.disconnect();
  return spread(`raw kafkajs produce (acks=all) to consume at ${rate}/s (${count} records)`, sendingRate, latencies);
}
