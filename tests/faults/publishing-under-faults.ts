import { eventually } from '../support/eventually.js';
import { copiesOnTopic } from './copies-on-topic.js';
import { ENROLMENT, enrolmentBatch } from './enrolment-batch.js';
import { publishingFault, type FaultRow } from './fault-table.js';
import { RetryingPublisher } from './retrying-publisher.js';

/** A fault struck again and again while clients publish enrolments through the gateways. */
export interface PublishingUnderFaults {
  /** The gateways the clients know, asked again before each attempt (a killed one is taken out). */
  urls: () => readonly string[];
  apiKey: string;
  /** Names the run's event ids, so its records can be told apart on the shared topic. */
  prefix: string;
  clients: number;
  /** Batches each client sends, of `batchSize` records. */
  batches: number;
  batchSize: number;
  strikes: number;
  /**
   * Strikes the fault the n-th time (from 1) and resolves when the recovery is timed from: at the
   * kill, or when what was stopped is started again.
   */
  strike: (n: number) => Promise<void>;
  /** Runs after the n-th recovery was measured, e.g. to start a killed node again. */
  afterRecovery?: (n: number) => Promise<void>;
  /** The fault table's name for the n-th strike. */
  name: (n: number) => string;
  /** Where the topic is read to count each record's copies; the shared test broker by default. */
  brokers?: string[];
}

/**
 * Publishes while the fault strikes (issue 25): each strike waits until the clients are a further
 * quarter of the way on, notes the records in flight, and times the recovery until a client is
 * answered again. All strikes hit one stream, so each row's lost and duplicated are that stream's.
 */
export async function publishUnderFaults(run: PublishingUnderFaults): Promise<{ publisher: RetryingPublisher; faults: { row: FaultRow; lost: string[] }[] }> {
  const started = Date.now();
  const publisher = new RetryingPublisher(run.urls, run.apiKey);
  const clients = Array.from({ length: run.clients }, async (_, c) => {
    for (let n = 0; n < run.batches; n++) await publisher.send(enrolmentBatch(run.prefix, c, n, run.batchSize), n + c);
  });
  const total = run.batches * run.clients;
  const measured: Pick<FaultRow, 'recoverySeconds' | 'inFlight'>[] = [];
  let mark = 0;
  for (let n = 1; n <= run.strikes; n++) {
    await eventually(`the clients are under way (strike ${n})`, async () => publisher.answered >= Math.min(total - 5, mark + total / (run.strikes + 2)), 120_000);
    const inFlight = publisher.inFlight;
    await run.strike(n);
    const from = Date.now();
    const answeredBefore = publisher.answered;
    await eventually(`a client is answered again (strike ${n})`, async () => publisher.answered > answeredBefore, 120_000);
    measured.push({ recoverySeconds: (Date.now() - from) / 1000, inFlight });
    await run.afterRecovery?.(n);
    mark = publisher.answered;
  }
  await Promise.all(clients);
  const copies = await copiesOnTopic(ENROLMENT, run.prefix, started, run.brokers);
  return { publisher, faults: measured.map((figures, index) => publishingFault(run.name(index + 1), figures, publisher.accepted, copies)) };
}
