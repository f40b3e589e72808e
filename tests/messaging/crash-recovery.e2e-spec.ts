import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, startLedgerConsumer, type LedgerSetup } from '../support/ledger-fixture.js';
import { startPublisherApp, type PublisherApp } from '../support/publisher-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { createTestTopics } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('a consumer killed mid-batch', () => {
  let setup: LedgerSetup;
  let publisher: PublisherApp;
  const consumers: AppProcess[] = [];

  beforeAll(async () => {
    const topic = uniqueName('ledger');
    setup = { topic, group: uniqueName('ledger-group'), deadLetterTopic: uniqueName('deadletter'), database: await createTestDatabase('crash') };
    await createTestTopics([
      { topic, numPartitions: 3 },
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

  it('loses nothing, and the records delivered again have no second effect', async () => {
    // Small fetches make many batches; the pause holds each batch after its effects are durable
    // and before its offsets are committed, which is where SIGKILL lands.
    const first = startLedgerConsumer(setup, 'first', { LEDGER_PAUSE_AFTER_APPLY_MS: '3000', LEDGER_MAX_BYTES_PER_PARTITION: '2048' });
    consumers.push(first);
    const entries = ledgerEntries(30, 10);
    await publishLedgerEntries(publisher.producer, setup.topic, entries);
    await eventually('the first batch applied', async () => (await ledgerState(setup.database)).effects > 0);
    await first.stop('SIGKILL');
    const atKill = await ledgerState(setup.database);
    expect(atKill.effects).toBeLessThan(entries.length);

    consumers.push(startLedgerConsumer(setup, 'second'));
    await eventually('all records applied after the restart', async () => (await ledgerState(setup.database)).effects === entries.length);
    const state = await ledgerState(setup.database);
    expect(state.distinctPositions).toBe(entries.length);
    expect(state.tallyCount).toBe(entries.length);
    expect(state.tallyTotal).toBe(expectedTotal(entries.length));
    // The killed batch's offsets were never committed, so it came back and the inbox absorbed it.
    expect(state.skippedRedeliveries).toBeGreaterThan(0);
  });
});
