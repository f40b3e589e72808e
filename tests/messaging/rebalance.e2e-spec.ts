import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, startLedgerConsumer, type LedgerSetup } from '../support/ledger-fixture.js';
import { startPublisherApp, type PublisherApp } from '../support/publisher-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { createTestTopics } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('two consumer instances in one group', () => {
  let setup: LedgerSetup;
  let publisher: PublisherApp;
  const consumers: AppProcess[] = [];

  beforeAll(async () => {
    const topic = uniqueName('ledger');
    setup = { topic, group: uniqueName('ledger-group'), deadLetterTopic: uniqueName('deadletter'), database: await createTestDatabase('rebalance') };
    await createTestTopics([
      { topic, numPartitions: 6 },
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

  it('share the partitions, and the rebalances as one joins and one leaves lose nothing', async () => {
    const slow = { LEDGER_PAUSE_AFTER_APPLY_MS: '300', LEDGER_MAX_BYTES_PER_PARTITION: '4096' };
    const joined = (consumer: AppProcess) => consumer.jsonLines().filter((line) => line['msg'] === 'joined consumer group').length;
    const entries = ledgerEntries(60, 20);
    const chunks = [entries.slice(0, 400), entries.slice(400, 800), entries.slice(800)];

    const a = startLedgerConsumer(setup, 'a', slow);
    consumers.push(a);
    await publishLedgerEntries(publisher.producer, setup.topic, chunks[0]!);
    await eventually('instance a applying records', async () => (await ledgerState(setup.database)).effects > 0);

    const b = startLedgerConsumer(setup, 'b', slow);
    consumers.push(b);
    await eventually('both instances in the rebalanced group', async () => joined(b) === 1 && joined(a) === 2);
    await publishLedgerEntries(publisher.producer, setup.topic, chunks[1]!);
    await eventually('instance b applying records', async () => (await ledgerState(setup.database)).instances.includes('b'));

    await a.stop('SIGTERM');
    await publishLedgerEntries(publisher.producer, setup.topic, chunks[2]!);
    await eventually('every record applied', async () => (await ledgerState(setup.database)).effects === entries.length);

    const state = await ledgerState(setup.database);
    expect(state.instances).toEqual(['a', 'b']);
    expect(state.distinctPositions).toBe(entries.length);
    expect(state.tallyCount).toBe(entries.length);
    expect(state.tallyTotal).toBe(expectedTotal(entries.length));
  });
});
