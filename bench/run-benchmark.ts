/**
 * `npm run bench -- <name>`: runs a benchmark against KAFKA_BROKERS, or against a broker of its
 * own started for the run, prints its figures and appends them to bench/results.jsonl.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, freePort, LocalKafkaBroker } from '@hub/local-infra';
import { machine } from './bench-report.js';
import { contractValidationBench } from './contract-validation.bench.js';
import { rawKafkaBench } from './raw-kafka.bench.js';

const BENCHMARKS = ['raw-kafka', 'contract-validation'] as const;

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'raw-kafka';
  if (!(BENCHMARKS as readonly string[]).includes(name)) throw new Error(`unknown benchmark "${name}"; known: ${BENCHMARKS.join(', ')}`);
  const root = findProjectRoot();
  if (name === 'contract-validation') {
    contractValidationBench(root, Number(process.env['BENCH_EVENTS'] ?? 1_000_000), { machine: machine({}) });
    return;
  }
  let broker: LocalKafkaBroker | undefined;
  let folder: string | undefined;
  let brokers = process.env['KAFKA_BROKERS']?.split(',');
  if (!brokers) {
    folder = await mkdtemp(join(tmpdir(), 'hub-bench-'));
    broker = await LocalKafkaBroker.start({ projectRoot: root, dataDir: folder, port: await freePort(), controllerPort: await freePort(), heapMb: 1024, log: console.log });
    brokers = [broker.bootstrapServers];
  }
  try {
    await rawKafkaBench(
      root,
      {
        brokers,
        events: Number(process.env['BENCH_EVENTS'] ?? 200_000),
        batchSize: Number(process.env['BENCH_BATCH'] ?? 1000),
        valueBytes: Number(process.env['BENCH_VALUE_BYTES'] ?? 500),
        partitions: Number(process.env['BENCH_PARTITIONS'] ?? 6),
      },
      { machine: machine({ kafka: broker?.version ?? 'external' }) },
    );
  } finally {
    await broker?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
