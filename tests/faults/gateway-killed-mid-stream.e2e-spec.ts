/**
 * The fault suite (issue 25): a gateway SIGKILLed while two clients publish through three, then another
 * (one of three, then one of the two left),
 * as a department's system would, sending a batch again to the other gateway when its gateway
 * cannot answer. Every client is answered, none with a 500 or a hang; every record a gateway
 * accepted is on the canonical topic. A record the killed gateway had put on the topic but not yet
 * answered for goes out again from the other one: that is counted as duplicated (the consumers
 * keep one per event id), never as lost.
 */
import { eventually } from '../support/eventually.js';
import { startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { copiesOnTopic } from './copies-on-topic.js';
import { ENROLMENT, enrolmentBatch } from './enrolment-batch.js';
import { publishingFault, reportFaults, type FaultRow } from './fault-table.js';
import { RetryingPublisher } from './retrying-publisher.js';

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
    const started = Date.now();
    const alive = [...bed.urls];
    const publisher = new RetryingPublisher(() => alive, bed.keys['education']);
    const client = async (c: number) => {
      for (let n = 0; n < BATCHES; n++) await publisher.send(enrolmentBatch(prefix, c, n, BATCH), n + c);
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    const measured: { recoverySeconds: number; inFlight: number }[] = [];
    // Kill the second gateway, start one in its place; then kill the first.
    const victims = [{ process: bed.processes[1], url: bed.urls[1] }];
    const total = BATCHES * CLIENTS;
    let mark = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      // Each kill a quarter of the way further than the last recovery, so the clients are mid-stream.
      await eventually(`the clients are well under way (kill ${kill})`, async () => publisher.answered >= Math.min(total - 5, mark + total / (KILLS + 2)), 120_000);
      const victim = victims.shift() ?? { process: bed.processes[0], url: bed.urls[0] };
      const inFlight = publisher.inFlight;
      await victim.process.stop('SIGKILL');
      const killedAt = Date.now();
      const answeredAtKill = publisher.answered;
      alive.splice(alive.indexOf(victim.url), 1);
      await eventually(`a client is answered again (kill ${kill})`, async () => publisher.answered > answeredAtKill, 60_000);
      measured.push({ recoverySeconds: (Date.now() - killedAt) / 1000, inFlight });
      mark = publisher.answered;
    }
    await Promise.all(clients);

    const copies = await copiesOnTopic(ENROLMENT, prefix, started);
    // Both kills struck one stream: each row's lost and duplicated are that stream's.
    const faults = measured.map((figures, index) => publishingFault(`gateway SIGKILL (1 of ${KILLS + 1 - index}) #${index + 1} (one stream)`, figures, publisher.accepted, copies));
    rows.push(...faults.map(({ row }) => row));
    expect(publisher.failures).toEqual([]);
    expect(publisher.accepted.size).toBe(BATCHES * CLIENTS * BATCH);
    expect(faults[0]?.lost).toEqual([]);
  });
});
