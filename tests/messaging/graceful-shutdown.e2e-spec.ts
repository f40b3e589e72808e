import { eventually } from '../support/eventually.js';
import { createLedgerTestBed, ledgerEntries, ledgerState, publishLedgerEntries, type LedgerTestBed } from '../support/ledger-fixture.js';

describe('a consumer stopped with SIGTERM', () => {
  let bed: LedgerTestBed;

  beforeAll(async () => {
    bed = await createLedgerTestBed('shutdown', 1);
  });

  afterAll(() => bed.close());

  it('finishes the batch in hand and commits it before the database closes, so nothing is delivered twice', async () => {
    const { database, topic } = bed.setup;
    const first = bed.startConsumer('first', { LEDGER_PAUSE_AFTER_APPLY_MS: '2000', LEDGER_MAX_BYTES_PER_PARTITION: '2048' });
    const entries = ledgerEntries(10, 10);
    await publishLedgerEntries(bed.publisher.producer, topic, entries);
    await eventually('the first batch applied', async () => (await ledgerState(database)).effects > 0);
    await first.stop('SIGTERM');
    expect(first.lines.join('\n')).not.toMatch(/Error|ERROR/);

    bed.startConsumer('second');
    await eventually('all records applied', async () => (await ledgerState(database)).effects === entries.length);
    const state = await ledgerState(database);
    expect(state.skippedRedeliveries).toBe(0);
    expect(state.tallyCount).toBe(entries.length);
  });
});
