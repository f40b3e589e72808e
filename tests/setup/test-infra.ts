/**
 * The e2e run's infrastructure. Starts one real Kafka broker and one real PostgreSQL for the whole e2e run, on free ports in a
 * temporary folder, unless HUB_TEST_KAFKA_BROKERS / HUB_TEST_DATABASE_URL name running ones.
 * Suites get their own topics and databases from tests/support.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, freePort, LocalKafkaBroker, LocalPostgres } from '@hub/local-infra';
import { TEST_DATABASE_URL, TEST_KAFKA_ADMIN_PASSWORD, TEST_KAFKA_BROKERS, TEST_KAFKA_CA_FILE, TEST_KAFKA_MEMBER_BROKERS, TEST_KAFKA_SERVICE_BROKERS } from './test-infra-env.js';

export interface TestInfra {
  broker?: LocalKafkaBroker;
  postgres?: LocalPostgres;
  folder: string;
}

declare global {
  var __hubTestInfra: TestInfra | undefined;
}

const say = (line: string) => process.stdout.write(`[test-infra] ${line}\n`);

export async function startTestInfra(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'hub-test-'));
  const infra: TestInfra = { folder };
  globalThis.__hubTestInfra = infra;
  const started = Date.now();
  const [broker, postgres] = await Promise.all([
    process.env[TEST_KAFKA_BROKERS]
      ? undefined
      : (async () => {
          const port = await freePort();
          return LocalKafkaBroker.start({
            projectRoot: findProjectRoot(),
            dataDir: join(folder, 'kafka'),
            port,
            controllerPort: await freePort(),
            heapMb: 512,
            log: say,
            secure: true,
          });
        })(),
    process.env[TEST_DATABASE_URL] ? undefined : LocalPostgres.start({ dataDir: join(folder, 'postgres'), ownedFrom: folder, port: await freePort(), database: 'hub_test', ephemeral: true, log: say }),
  ]);
  infra.broker = broker;
  infra.postgres = postgres;
  if (broker?.security) {
    process.env[TEST_KAFKA_BROKERS] = broker.security.admin.brokers.join(',');
    process.env[TEST_KAFKA_ADMIN_PASSWORD] = broker.security.admin.sasl!.password;
    process.env[TEST_KAFKA_SERVICE_BROKERS] = broker.bootstrapServers;
    process.env[TEST_KAFKA_MEMBER_BROKERS] = broker.security.membersBootstrap;
    process.env[TEST_KAFKA_CA_FILE] = broker.security.caFile;
  }
  if (postgres) process.env[TEST_DATABASE_URL] = postgres.databaseUrl;
  say(`Kafka ${process.env[TEST_KAFKA_BROKERS]} and PostgreSQL ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Stops the broker and database startTestInfra started and removes their folder; runs after failures too. */
export async function stopTestInfra(): Promise<void> {
  const infra = globalThis.__hubTestInfra;
  if (!infra) return;
  await Promise.allSettled([infra.broker?.stop(), infra.postgres?.stop()]);
  await rm(infra.folder, { recursive: true, force: true });
}
