import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, LocalKafkaBroker, LocalPostgres } from '@hub/local-infra';

/** The broker and database a benchmark runs on: KAFKA_BROKERS / DATABASE_URL when set, else its own, started for the run. */
export interface BenchInfra {
  brokers: string[];
  kafkaVersion: string;
  databaseUrl?: string;
  stop(): Promise<void>;
}

export async function startBenchInfra(projectRoot: string, options: { database: boolean }): Promise<BenchInfra> {
  const folder = await mkdtemp(join(tmpdir(), 'hub-bench-'));
  const givenBrokers = process.env['KAFKA_BROKERS']?.split(',');
  const givenDatabase = process.env['DATABASE_URL'];
  const [broker, postgres] = await Promise.all([
    givenBrokers
      ? undefined
      : (async () => LocalKafkaBroker.start({ projectRoot, dataDir: join(folder, 'kafka'), port: await freePort(), controllerPort: await freePort(), heapMb: 1024, log: console.log, secure: true }))(),
    !options.database || givenDatabase
      ? undefined
      : (async () => LocalPostgres.start({ dataDir: join(folder, 'postgres'), ownedFrom: folder, port: await freePort(), database: 'hub_bench', ephemeral: true, log: console.log }))(),
  ]);
  // A broker of its own runs with authentication, as the hub's does; the benchmark, its baselines
  // and every process it starts (which inherit this environment) connect as its administrator.
  const admin = broker?.security?.admin;
  if (admin?.sasl) Object.assign(process.env, { KAFKA_SASL_MECHANISM: admin.sasl.mechanism, KAFKA_SASL_USERNAME: admin.sasl.username, KAFKA_SASL_PASSWORD: admin.sasl.password });
  return {
    brokers: admin?.brokers ?? givenBrokers ?? [broker!.bootstrapServers],
    kafkaVersion: broker?.version ?? 'external',
    ...(options.database ? { databaseUrl: givenDatabase ?? postgres!.databaseUrl } : {}),
    stop: async () => {
      await Promise.allSettled([broker?.stop(), postgres?.stop()]);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
