import { runWithCorrelation } from '@hub/logging';
import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { createLedgerTestBed, expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, type LedgerTestBed } from '../support/ledger-fixture.js';
import { uniqueName } from '../support/unique-name.js';

describe('events published by one app are consumed by another in a consumer group', () => {
  let bed: LedgerTestBed;
  let consumer: AppProcess;

  beforeAll(async () => {
    bed = await createLedgerTestBed('delivery', 3);
    consumer = bed.startConsumer('a');
  });

  afterAll(() => bed.close());

  it('applies every published record exactly once', async () => {
    const entries = ledgerEntries(40, 15);
    await publishLedgerEntries(bed.publisher.producer, bed.setup.topic, entries);
    await eventually('all 600 records applied', async () => (await ledgerState(bed.setup.database)).effects >= entries.length);
    const state = await ledgerState(bed.setup.database);
    expect(state.effects).toBe(600);
    expect(state.distinctPositions).toBe(600);
    expect(state.tallyCount).toBe(600);
    expect(state.tallyTotal).toBe(expectedTotal(600));
  });

  it("carries the publisher's correlation id in Kafka headers into the consumer's log lines", async () => {
    const correlationId = uniqueName('corr');
    await runWithCorrelation(correlationId, () => publishLedgerEntries(bed.publisher.producer, `${bed.setup.topic}.single`, [{ account: 'traced', amount: 1 }]));
    await eventually('the consumer to log the traced record', async () => consumer.jsonLines().some((line) => line['msg'] === 'applying one ledger entry' && line['correlationId'] === correlationId));
    const line = consumer.jsonLines().find((l) => l['correlationId'] === correlationId)!;
    expect(line).toMatchObject({ service: 'ledger-consumer', topic: `${bed.setup.topic}.single`, partition: 0 });
  });

  it("follows an HTTP request's x-correlation-id through Kafka into the consumer's log lines", async () => {
    const correlationId = uniqueName('http-corr');
    const response = await fetch(`${bed.publisher.url}/publish/${bed.setup.topic}.single`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
      body: JSON.stringify([{ key: 'traced-http', value: { account: 'traced-http', amount: 1 } }]),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    await eventually('the consumer to log the record published over HTTP', async () =>
      consumer.jsonLines().some((line) => line['msg'] === 'applying one ledger entry' && line['correlationId'] === correlationId),
    );
  });
});
