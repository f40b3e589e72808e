/**
 * The fault suite (issue 25): a gateway SIGKILLed while two clients publish through three, then another
 * (one of three, then one of the two left),
 * as a department's system would, sending a batch again to the other gateway when its gateway
 * cannot answer. Every client is answered, none with a 500 or a hang; every record a gateway
 * accepted is on the canonical topic. A record the killed gateway had put on the topic but not yet
 * answered for goes out again from the other one: that is counted as duplicated (the consumers
 * keep one per event id), never as lost.
 */
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { reportFaults, type FaultRow } from './fault-table.js';
import { publishUnderFaults } from './publishing-under-faults.js';

/** Batches each client sends (FAULT_GATEWAY_BATCHES), of BATCH records. */
const BATCHES = Number(process.env['FAULT_GATEWAY_BATCHES'] ?? 80);
const BATCH = 100;
const CLIENTS = 2;
/** How many gateways are killed, one after the other, of one more running (issue 25: each fault repeated). */
const KILLS = 2;

describe('a gateway killed mid-stream while clients publish through two (fault suite)', () => {
  const prefix = uniqueName('gw-fault');
  const rows: FaultRow[] = [];
  let bed: GatewayTestBed;

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-killed', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000 }], instances: KILLS + 1 });
  });

  afterAll(async () => {
    reportFaults(rows);
    await bed?.stop();
  });

  it('answers every client, none with a 500 or a hang, and loses no accepted record, each of two times', async () => {
    const alive = [...bed.urls];
    // The second gateway first, then the first.
    const victims = [1, 0];
    const { publisher, faults } = await publishUnderFaults({
      urls: () => alive,
      apiKey: bed.keys['education'],
      prefix,
      clients: CLIENTS,
      batches: BATCHES,
      batchSize: BATCH,
      strikes: KILLS,
      strike: async (n) => {
        const victim = victims[n - 1];
        await bed.processes[victim].stop('SIGKILL');
        alive.splice(alive.indexOf(bed.urls[victim]), 1);
      },
      name: (n) => `gateway SIGKILL (1 of ${KILLS + 2 - n}) #${n} (one stream)`,
    });
    rows.push(...faults.map(({ row }) => row));
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * CLIENTS * BATCH);
    expect(faults[0]?.lost).toEqual([]);
  });
});
