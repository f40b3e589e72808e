import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { createLedgerTestBed, expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, type LedgerTestBed } from '../support/ledger-fixture.js';

describe('two consumer instances in one group', () => {
  let bed: LedgerTestBed;

  beforeAll(async () => {
    bed = await createLedgerTestBed('rebalance', 6);
  });

  afterAll(() => bed.close());

  it('share the partitions, and the rebalances as one joins and one leaves lose nothing', async () => {
    const { database, topic } = bed.setup;
    const { producer } = bed.publisher;
    const slow = { LEDGER_PAUSE_AFTER_APPLY_MS: '300', LEDGER_MAX_BYTES_PER_PARTITION: '4096' };
    const joined = (consumer: AppProcess) => consumer.jsonLines().filter((line) => line['msg'] === 'joined consumer group').length;
    const entries = ledgerEntries(60, 20);
    const chunks = [entries.slice(0, 400), entries.slice(400, 800), entries.slice(800)];

    const a = bed.startConsumer('a', slow);
    await publishLedgerEntries(producer, topic, chunks[0]);
    await eventually('instance a applying records', async () => (await ledgerState(database)).effects > 0);

    const b = bed.startConsumer('b', slow);
    await eventually('both instances in the rebalanced group', async () => joined(b) === 1 && joined(a) === 2);
    await publishLedgerEntries(producer, topic, chunks[1]);
    await eventually('instance b applying records', async () => (await ledgerState(database)).instances.includes('b'));

    await a.stop('SIGTERM');
    await publishLedgerEntries(producer, topic, chunks[2]);
    await eventually('every record applied', async () => (await ledgerState(database)).effects === entries.length);

    const state = await ledgerState(database);
    expect(state.instances).toEqual(['a', 'b']);
    expect(state.distinctPositions).toBe(entries.length);
    expect(state.tallyCount).toBe(entries.length);
    expect(state.tallyTotal).toBe(expectedTotal(entries.length));
  });
});
