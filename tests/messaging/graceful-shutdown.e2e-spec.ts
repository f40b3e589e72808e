import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { ledgerEntries, ledgerState, publishLedgerEntries, startLedgerConsumer, type LedgerSetup } from '../support/ledger-fixture.js';
import { startPublisherApp, type PublisherApp } from '../support/publisher-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { createTestTopics } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('a consumer stopped with SIGTERM', () => {
  let setup: LedgerSetup;
  let publisher: PublisherApp;
  const consumers: AppProcess[] = [];

  beforeAll(async () => {
    const topic = uniqueName('ledger');
    setup = { topic, group: uniqueName('ledger-group'), deadLetterTopic: uniqueName('deadletter'), database: await createTestDatabase('shutdown') };
    await createTestTopics([
      { topic, numPartitions: 1 },
      { topic: `${topic}.single`, numPartitions: 1 },
      { topic: setup.deadLetterTopic, numPartitions: 1 },
    ]);
    publisher = await startPublisherApp();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await publisher.close();
    await setup.database.drop();
  });

  it('finishes the batch in hand and commits it before the database closes, so nothing is delivered twice', async () => {
    const first = startLedgerConsumer(setup, 'first', { LEDGER_PAUSE_AFTER_APPLY_MS: '2000', LEDGER_MAX_BYTES_PER_PARTITION: '2048' });
    consumers.push(first);
    const entries = ledgerEntries(10, 10);
    await publishLedgerEntries(publisher.producer, setup.topic, entries);
    await eventually('the first batch applied', async () => (await ledgerState(setup.database)).effects > 0);
    await first.stop('SIGTERM');
    expect(first.lines.join('\n')).not.toMatch(/Error|ERROR/);

    consumers.push(startLedgerConsumer(setup, 'second'));
    await eventually('all records applied', async () => (await ledgerState(setup.database)).effects === entries.length);
    const state = await ledgerState(setup.database);
    expect(state.skippedRedeliveries).toBe(0);
    expect(state.tallyCount).toBe(entries.length);
  });
});
