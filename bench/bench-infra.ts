import { join } from 'node:path';
import { startScratchInfrastructure } from '@hub/local-infra';
import { printStatementProfile } from './statement-profile.js';

/** The broker and database a benchmark runs on: KAFKA_BROKERS / DATABASE_URL when set, else its own, started for the run. */
export interface BenchInfra {
  brokers: string[];
  kafkaVersion: string;
  databaseUrl?: string;
  /** Where its own broker keeps its data (absent when the broker is given). */
  brokerDataDir?: string;
  stop(): Promise<void>;
}

export async function startBenchInfra(options: { database: boolean }): Promise<BenchInfra> {
  const givenBrokers = process.env['KAFKA_BROKERS']?.split(',');
  const givenDatabase = process.env['DATABASE_URL'];
  // BENCH_PG_STATEMENTS=on: the run's own PostgreSQL profiles its statements, printed when the benchmark ends.
  const trackStatements = process.env['BENCH_PG_STATEMENTS'] === 'on' && options.database && !givenDatabase;
  const scratch = await startScratchInfrastructure({
    name: 'bench',
    kafka: !givenBrokers,
    postgres: options.database && !givenDatabase,
    trackStatements,
    brokerHeapMb: 1024,
    log: console.log,
  });
  const { broker, postgres } = scratch;
  // A broker of its own runs with authentication, as the hub's does; the benchmark, its baselines
  // and every process it starts (which inherit this environment) connect as its administrator.
  const admin = broker?.security?.admin;
  if (admin?.sasl) Object.assign(process.env, { KAFKA_SASL_MECHANISM: admin.sasl.mechanism, KAFKA_SASL_USERNAME: admin.sasl.username, KAFKA_SASL_PASSWORD: admin.sasl.password });
  return {
    brokers: admin?.brokers ?? givenBrokers ?? [broker!.bootstrapServers],
    kafkaVersion: broker?.version ?? 'external',
    ...(options.database ? { databaseUrl: givenDatabase ?? postgres!.databaseUrl } : {}),
    ...(broker ? { brokerDataDir: join(scratch.folder, 'kafka') } : {}),
    stop: async () => {
      try {
        if (trackStatements) await printStatementProfile(scratch.postgres!.databaseUrl);
      } finally {
        await scratch.stop();
      }
    },
  };
}
