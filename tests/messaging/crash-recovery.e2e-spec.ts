import { eventually } from '../support/eventually.js';
import { createLedgerTestBed, expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, type LedgerTestBed } from '../support/ledger-fixture.js';

describe('a consumer killed mid-batch', () => {
  let bed: LedgerTestBed;

  beforeAll(async () => {
    bed = await createLedgerTestBed('crash', 3);
  });

  afterAll(() => bed.close());

  it('loses nothing, and the records delivered again have no second effect', async () => {
    const { database, topic } = bed.setup;
    // Small fetches make many batches; the pause holds each batch after its effects are durable
    // and before its offsets are committed, which is where SIGKILL lands. It is long, so that on a
    // busy machine the kill still lands inside it: it costs nothing, since the kill cuts it short.
    const first = bed.startConsumer('first', { LEDGER_PAUSE_AFTER_APPLY_MS: '15000', LEDGER_MAX_BYTES_PER_PARTITION: '2048' });
    const entries = ledgerEntries(30, 10);
    await publishLedgerEntries(bed.publisher.producer, topic, entries);
    await eventually('the first batch applied', async () => (await ledgerState(database)).effects > 0);
    await first.stop('SIGKILL');
    const atKill = await ledgerState(database);
    expect(atKill.effects).toBeLessThan(entries.length);

    bed.startConsumer('second');
    await eventually('all records applied after the restart', async () => (await ledgerState(database)).effects === entries.length);
    const state = await ledgerState(database);
    expect(state.distinctPositions).toBe(entries.length);
    expect(state.tallyCount).toBe(entries.length);
    expect(state.tallyTotal).toBe(expectedTotal(entries.length));
    // The killed batch's offsets were never committed, so it came back and the inbox absorbed it.
    expect(state.skippedRedeliveries).toBeGreaterThan(0);
  });
});
