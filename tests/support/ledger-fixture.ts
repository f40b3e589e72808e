import type { HubProducer, OutboundRecord } from '@hub/messaging';
import type { LedgerEntry } from '../fixtures/ledger-consumer/ledger-entry.js';
import { AppProcess } from './app-process.js';
import { startPublisherApp, type PublisherApp } from './publisher-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { createTestTopics, testKafkaEnv } from './test-kafka.js';
import { uniqueName } from './unique-name.js';

export type { LedgerEntry };

export interface LedgerSetup {
  topic: string;
  group: string;
  deadLetterTopic: string;
  database: TestDatabase;
}

/** Starts the ledger consumer fixture (tests/fixtures/ledger-consumer) as its own process. */
function startLedgerConsumer(setup: LedgerSetup, instance: string, extraEnv: Record<string, string> = {}): AppProcess {
  return AppProcess.start('tests/fixtures/ledger-consumer/main.js', {
    SERVICE_NAME: 'ledger-consumer',
    ...testKafkaEnv(),
    DATABASE_URL: setup.database.url,
    DEAD_LETTER_TOPIC: setup.deadLetterTopic,
    CONSUMER_MAX_ATTEMPTS: '3',
    CONSUMER_RETRY_INITIAL_MS: '50',
    CONSUMER_RETRY_MAX_MS: '200',
    LEDGER_TOPIC: setup.topic,
    LEDGER_GROUP: setup.group,
    LEDGER_INSTANCE: instance,
    ...extraEnv,
  });
}

function ledgerRecords(topic: string, entries: readonly LedgerEntry[]): OutboundRecord[] {
  return entries.map((entry) => ({ topic, key: entry.account, value: JSON.stringify(entry) }));
}

/** Entries for `accounts` accounts, `perAccount` each, amount 1..n, so totals are checkable. */
export function ledgerEntries(accounts: number, perAccount: number): LedgerEntry[] {
  return Array.from({ length: accounts * perAccount }, (_, i) => ({ account: `acct-${i % accounts}`, amount: i + 1 }));
}

export async function publishLedgerEntries(producer: HubProducer, topic: string, entries: readonly LedgerEntry[]): Promise<void> {
  await producer.send(ledgerRecords(topic, entries));
}

export interface LedgerState {
  effects: number;
  distinctPositions: number;
  tallyCount: number;
  tallyTotal: number;
  skippedRedeliveries: number;
  instances: string[];
}

export async function ledgerState(database: TestDatabase): Promise<LedgerState> {
  const exists = await database.query(`SELECT to_regclass('ledger_redelivery') IS NOT NULL AS ready`);
  if (!exists[0]['ready']) return { effects: 0, distinctPositions: 0, tallyCount: 0, tallyTotal: 0, skippedRedeliveries: 0, instances: [] };
  const [row] = await database.query<{ effects: string; positions: string; count: string; total: string; skipped: string }>(`
    SELECT (SELECT count(*) FROM ledger_effect) AS effects,
           (SELECT count(DISTINCT position) FROM ledger_effect) AS positions,
           (SELECT coalesce(sum(count), 0) FROM ledger_tally) AS count,
           (SELECT coalesce(sum(total), 0) FROM ledger_tally) AS total,
           (SELECT coalesce(sum(skipped), 0) FROM ledger_redelivery) AS skipped`);
  const instances = await database.query<{ instance: string }>('SELECT DISTINCT instance FROM ledger_effect ORDER BY instance');
  return {
    effects: Number(row.effects),
    distinctPositions: Number(row.positions),
    tallyCount: Number(row.count),
    tallyTotal: Number(row.total),
    skippedRedeliveries: Number(row.skipped),
    instances: instances.map((r) => r.instance),
  };
}

/** Sum of 1..n: the total the tally must show when every entry was applied exactly once. */
export const expectedTotal = (n: number) => (n * (n + 1)) / 2;

/** Everything a messaging suite runs against: its own topics and database, a publisher, ledger consumers. */
export interface LedgerTestBed {
  setup: LedgerSetup;
  publisher: PublisherApp;
  startConsumer(instance: string, extraEnv?: Record<string, string>): AppProcess;
  /** Stops the consumers and the publisher and drops the database. */
  close(): Promise<void>;
}

export async function createLedgerTestBed(suite: string, partitions: number): Promise<LedgerTestBed> {
  const topic = uniqueName('ledger');
  const setup: LedgerSetup = { topic, group: uniqueName('ledger-group'), deadLetterTopic: uniqueName('deadletter'), database: await createTestDatabase(suite) };
  await createTestTopics([
    { topic, numPartitions: partitions },
    { topic: `${topic}.single`, numPartitions: 1 },
    { topic: setup.deadLetterTopic, numPartitions: 1 },
  ]);
  const publisher = await startPublisherApp();
  const consumers: AppProcess[] = [];
  return {
    setup,
    publisher,
    startConsumer: (instance, extraEnv) => {
      const consumer = startLedgerConsumer(setup, instance, extraEnv);
      consumers.push(consumer);
      return consumer;
    },
    close: async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await publisher.close();
      await setup.database.drop();
    },
  };
}
