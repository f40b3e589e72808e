/**
 * The fault suite (issue 25): the Kafka broker SIGKILLed while a client publishes through the
 * gateway, and started again on its data, twice. Meanwhile the client is answered 503 with Retry-After,
 * never a 500 or a hang; afterwards the gateway publishes again by itself, and every record it
 * accepted (acks=all) is on the canonical topic. The whole of a one-broker hub lost; the leader of a
 * busy partition lost in a three-node cluster is cluster-leader-killed-mid-stream.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKafkaBroker } from '@hub/local-infra';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { ownBrokerOptions } from '../support/own-broker.js';
import { reportFaults, type FaultRow } from './fault-table.js';
import { publishUnderFaults } from './publishing-under-faults.js';

const BATCHES = Number(process.env['FAULT_BROKER_BATCHES'] ?? 60);
const BATCH = 50;
const OUTAGE_MS = 5_000;
/** How many times the broker is killed (issue 25: each fault repeated). */
const KILLS = 2;

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
    options = await ownBrokerOptions(folder);
    broker = await LocalKafkaBroker.start(options);
    bed = await startGatewayTestBed('broker-killed', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000 }], brokers: [broker.bootstrapServers] });
  });

  afterAll(async () => {
    reportFaults(rows);
    await bed?.stop();
    await broker?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 while the broker is gone, publishes again once it is back, and loses no accepted record, each of two times', async () => {
    const { publisher, faults } = await publishUnderFaults({
      urls: () => bed.urls,
      apiKey: bed.keys['education'],
      prefix,
      clients: 1,
      batches: BATCHES,
      batchSize: BATCH,
      strikes: KILLS,
      strike: async () => {
        await broker.kill();
        await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
        broker = await LocalKafkaBroker.start(options);
      },
      name: (n) => `broker SIGKILL, ${OUTAGE_MS / 1000} s down #${n} (one stream)`,
      brokers: [broker.bootstrapServers],
    });
    rows.push(...faults.map(({ row }) => row));
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * BATCH);
    expect(faults[0]?.lost).toEqual([]);
  });
});
