/**
 * The e2e run's infrastructure. Starts one real Kafka broker and one real PostgreSQL for the whole e2e run, on free ports in a
 * temporary folder, unless HUB_TEST_KAFKA_BROKERS / HUB_TEST_DATABASE_URL name running ones.
 * Suites get their own topics and databases from tests/support.
 */
import { startScratchInfrastructure, type ScratchInfrastructure } from '@hub/local-infra';
import { TEST_DATABASE_URL, TEST_KAFKA_ADMIN_PASSWORD, TEST_KAFKA_BROKERS, TEST_KAFKA_CA_FILE, TEST_KAFKA_MEMBER_BROKERS, TEST_KAFKA_SERVICE_BROKERS } from './test-infra-env.js';

declare global {
  var __hubTestInfra: ScratchInfrastructure | undefined;
}

const say = (line: string) => process.stdout.write(`[test-infra] ${line}\n`);

export async function startTestInfra(): Promise<void> {
  const started = Date.now();
  const infra = await startScratchInfrastructure({ name: 'test', kafka: !process.env[TEST_KAFKA_BROKERS], postgres: !process.env[TEST_DATABASE_URL], brokerHeapMb: 512, log: say });
  globalThis.__hubTestInfra = infra;
  const { broker, postgres } = infra;
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
  await globalThis.__hubTestInfra?.stop();
}
