/**
 * `npm run bench -- <name>`: runs a benchmark against KAFKA_BROKERS (and DATABASE_URL), or against
 * a broker (and database) of its own started for the run, prints its figures and appends them to
 * bench/results.jsonl.
 */
import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import { findProjectRoot } from '@hub/local-infra';
import { auditBench } from './audit.bench.js';
import { auditRegionBench } from './audit-region.bench.js';
import { startBenchInfra } from './bench-infra.js';
import { machine } from './bench-report.js';
import { contractValidationBench } from './contract-validation.bench.js';
import { endToEndBench } from './end-to-end.bench.js';
import { gatewayMemoryBench } from './gateway-memory.bench.js';
import { findingLatencyBench } from './finding-latency.bench.js';
import { fullRegionBench, NINGXIA_RESIDENTS } from './full-region.bench.js';
import { httpIngestBench } from './http-ingest.bench.js';
import { kafkaIngestBench } from './kafka-ingest.bench.js';
import { rawKafkaBench } from './raw-kafka.bench.js';
import { replayRegionBench } from './replay-region.bench.js';

const BENCHMARKS = [
  'raw-kafka',
  'contract-validation',
  'http-ingest',
  'kafka-ingest',
  'end-to-end',
  'finding-latency',
  'audit',
  'replay-region',
  'audit-region',
  'gateway-memory',
  'full-region',
] as const;
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'raw-kafka';
  if (!(BENCHMARKS as readonly string[]).includes(name)) throw new Error(`unknown benchmark "${name}"; known: ${BENCHMARKS.join(', ')}`);
  const root = findProjectRoot();
  if (name === 'contract-validation') {
    contractValidationBench(root, setting('BENCH_EVENTS', 1_000_000), { machine: machine({}) });
    return;
  }
  const infra = await startBenchInfra({ database: name !== 'raw-kafka' && name !== 'replay-region' });
  const details = { machine: machine({ kafka: infra.kafkaVersion }) };
  try {
    if (name === 'replay-region') {
      await replayRegionBench(root, infra, { persons: setting('BENCH_PERSONS', 7_200_000), seed: setting('BENCH_SEED', 1), batchSize: setting('BENCH_BATCH', 5000) }, details);
    } else if (name === 'audit-region') {
      await auditRegionBench(root, infra, { persons: setting('BENCH_PERSONS', 1_000_000), seed: setting('BENCH_SEED', 1), batchSize: setting('BENCH_BATCH', 5000) }, details);
    } else if (name === 'full-region') {
      await fullRegionBench(
        root,
        infra,
        { persons: setting('BENCH_PERSONS', NINGXIA_RESIDENTS), seed: setting('BENCH_SEED', 1), batchSize: setting('BENCH_BATCH', 5000), clients: setting('BENCH_CLIENTS', 2) },
        details,
      );
    } else if (name === 'gateway-memory') {
      await gatewayMemoryBench(root, infra, { concurrency: setting('BENCH_CLIENTS', 4), maxRequestBytes: setting('BENCH_MAX_REQUEST_BYTES', 16 * 2 ** 20) }, details);
    } else if (name === 'audit') {
      await auditBench(
        root,
        infra,
        { persons: setting('BENCH_PERSONS', 100_000), seed: setting('BENCH_SEED', 1), batchSize: setting('BENCH_BATCH', 5000), clients: setting('BENCH_CLIENTS', 2) },
        details,
      );
    } else if (name === 'finding-latency') {
      await findingLatencyBench(
        root,
        infra,
        {
          rate: setting('BENCH_RATE', 1000),
          seconds: setting('BENCH_SECONDS', 60),
          seed: setting('BENCH_SEED', 1),
          settleMs: setting('BENCH_SETTLE_MS', 10_000),
          tickMs: setting('BENCH_TICK_MS', 500),
        },
        details,
      );
    } else if (name === 'end-to-end') {
      await endToEndBench(
        root,
        infra,
        {
          persons: setting('BENCH_PERSONS', 100_000),
          seed: setting('BENCH_SEED', 1),
          batchSize: setting('BENCH_BATCH', 5000),
          clients: setting('BENCH_CLIENTS', 2),
          crosschecks: setting('BENCH_CROSSCHECKS', 1),
          bulkLoads: process.env['BENCH_BULK_LOADS'] !== 'off',
        },
        details,
      );
    } else if (name === 'kafka-ingest') {
      await kafkaIngestBench(root, infra, { events: setting('BENCH_EVENTS', 200_000), batchSize: setting('BENCH_BATCH', 1000) }, details);
    } else if (name === 'http-ingest') {
      await httpIngestBench(root, infra, { events: setting('BENCH_EVENTS', 200_000), batchSize: setting('BENCH_BATCH', 1000), concurrency: setting('BENCH_CLIENTS', 2) }, details);
    } else {
      await rawKafkaBench(
        root,
        {
          brokers: infra.brokers,
          events: setting('BENCH_EVENTS', 200_000),
          batchSize: setting('BENCH_BATCH', 1000),
          valueBytes: setting('BENCH_VALUE_BYTES', 500),
          partitions: setting('BENCH_PARTITIONS', 6),
        },
        details,
      );
    }
  } finally {
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
