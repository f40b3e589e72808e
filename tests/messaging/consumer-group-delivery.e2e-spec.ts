import { runWithCorrelation } from '@hub/logging';
import type { AppProcess } from '../support/app-process.js';
import { eventually } from '../support/eventually.js';
import { expectedTotal, ledgerEntries, ledgerState, publishLedgerEntries, startLedgerConsumer, type LedgerSetup } from '../support/ledger-fixture.js';
import { startPublisherApp, type PublisherApp } from '../support/publisher-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { createTestTopics } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

describe('events published by one app are consumed by another in a consumer group', () => {
  let setup: LedgerSetup;
  let publisher: PublisherApp;
  let consumer: AppProcess;

  beforeAll(async () => {
    const topic = uniqueName('ledger');
    setup = { topic, group: uniqueName('ledger-group'), deadLetterTopic: uniqueName('deadletter'), database: await createTestDatabase('delivery') };
    await createTestTopics([
      { topic, numPartitions: 3 },
      { topic: `${topic}.single`, numPartitions: 1 },
      { topic: setup.deadLetterTopic, numPartitions: 1 },
    ]);
    publisher = await startPublisherApp();
    consumer = startLedgerConsumer(setup, 'a');
  });

  afterAll(async () => {
    await consumer.stop();
    await publisher.close();
    await setup.database.drop();
  });

  it('applies every published record exactly once', async () => {
    const entries = ledgerEntries(40, 15);
    await publishLedgerEntries(publisher.producer, setup.topic, entries);
    await eventually('all 600 records applied', async () => (await ledgerState(setup.database)).effects >= entries.length);
    const state = await ledgerState(setup.database);
    expect(state.effects).toBe(600);
    expect(state.distinctPositions).toBe(600);
    expect(state.tallyCount).toBe(600);
    expect(state.tallyTotal).toBe(expectedTotal(600));
  });

  it('carries the publisher\'s correlation id in Kafka headers into the consumer\'s log lines', async () => {
    const correlationId = uniqueName('corr');
    await runWithCorrelation(correlationId, () =>
      publishLedgerEntries(publisher.producer, `${setup.topic}.single`, [{ account: 'traced', amount: 1 }]),
    );
    await eventually('the consumer to log the traced record', async () =>
      consumer.jsonLines().some((line) => line['msg'] === 'applying one ledger entry' && line['correlationId'] === correlationId),
    );
    const line = consumer.jsonLines().find((l) => l['correlationId'] === correlationId)!;
    expect(line).toMatchObject({ service: 'ledger-consumer', topic: `${setup.topic}.single`, partition: 0 });
  });

  it('follows an HTTP request\'s x-correlation-id through Kafka into the consumer\'s log lines', async () => {
    const correlationId = uniqueName('http-corr');
    const response = await fetch(`${publisher.url}/publish/${setup.topic}.single`, {
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
