/**
 * The fault suite (issue 25): the Kafka broker SIGKILLed while a client publishes through the
 * gateway, and started again on its data. Meanwhile the client is answered 503 with Retry-After,
 * never a 500 or a hang; afterwards the gateway publishes again by itself, and every record it
 * accepted (acks=all) is on the canonical topic. On one broker, the short version of losing the
 * leader of a busy partition in a cluster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, freePort, LocalKafkaBroker } from '@hub/local-infra';
import { eventually } from '../support/eventually.js';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { copiesOnTopic } from './copies-on-topic.js';
import { ENROLMENT, enrolmentBatch } from './enrolment-batch.js';
import { publishingFault, reportFaults, type FaultRow } from './fault-table.js';
import { RetryingPublisher } from './retrying-publisher.js';

const BATCHES = Number(process.env['FAULT_BROKER_BATCHES'] ?? 60);
const BATCH = 50;
const OUTAGE_MS = 5_000;

describe('the broker killed mid-stream and started again (fault suite)', () => {
  const prefix = uniqueName('broker-fault');
  const rows: FaultRow[] = [];
  let folder: string;
  let options: Parameters<typeof LocalKafkaBroker.start>[0];
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;

  beforeAll(async () => {
    // A broker of its own: killing it does not disturb the other suites.
    folder = await mkdtemp(join(tmpdir(), 'hub-broker-fault-'));
    options = { projectRoot: findProjectRoot(), dataDir: join(folder, 'kafka'), port: await freePort(), controllerPort: await freePort(), heapMb: 384, log: () => undefined };
    broker = await LocalKafkaBroker.start(options);
    bed = await startGatewayTestBed('broker-killed', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000 }], brokers: [broker.bootstrapServers] });
  });

  afterAll(async () => {
    reportFaults(rows);
    await bed?.stop();
    await broker?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 while the broker is gone, publishes again once it is back, and loses no accepted record', async () => {
    const started = Date.now();
    const publisher = new RetryingPublisher(() => bed.urls, bed.keys['education']);
    const client = (async () => {
      for (let n = 0; n < BATCHES; n++) await publisher.send(enrolmentBatch(prefix, 0, n, BATCH), 0);
    })();
    await eventually('the client is under way', async () => publisher.answered >= BATCHES / 4, 120_000);
    const inFlight = publisher.inFlight;
    await broker.kill();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const answeredBefore = publisher.answered;
    broker = await LocalKafkaBroker.start(options);
    const back = Date.now();
    await eventually('the gateway publishes again', async () => publisher.answered > answeredBefore, 120_000);
    const recoveredAt = Date.now();
    await client;

    const copies = await copiesOnTopic(ENROLMENT, prefix, started, [broker.bootstrapServers]);
    const { row, lost } = publishingFault(`broker SIGKILL, ${OUTAGE_MS / 1000} s down`, { recoverySeconds: (recoveredAt - back) / 1000, inFlight }, publisher.accepted, copies);
    rows.push(row);
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * BATCH);
    expect(lost).toEqual([]);
  });
});
