/**
 * The fault suite (issue 25): one of two gateways SIGKILLed while two clients publish through both,
 * as a department's system would, sending a batch again to the other gateway when its gateway
 * cannot answer. Every client is answered, none with a 500 or a hang; every record a gateway
 * accepted is on the canonical topic. A record the killed gateway had put on the topic but not yet
 * answered for goes out again from the other one: that is counted as duplicated (the consumers
 * keep one per event id), never as lost.
 */
import { eventually } from '../support/eventually.js';
import { bodyOf, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { contractExample } from '../support/contract-examples.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { readTopicWindow } from '@hub/messaging';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';
import { reportFaults, type FaultRow } from './fault-table.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
/** Batches each client sends (FAULT_GATEWAY_BATCHES), of BATCH records. */
const BATCHES = Number(process.env['FAULT_GATEWAY_BATCHES'] ?? 40);
const BATCH = 100;
const CLIENTS = 2;
const ANSWER_WITHIN_MS = 30_000;

interface Sent {
  ids: string[];
  status: number;
}

describe('a gateway killed mid-stream while clients publish through two (fault suite)', () => {
  const prefix = uniqueName('gw-fault');
  const rows: FaultRow[] = [];
  let bed: GatewayTestBed;

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-killed', { members: [{ id: 'education', role: 'department', recordsPerSecond: 100_000 }], instances: 2 });
  });

  afterAll(async () => {
    reportFaults(rows);
    await bed?.stop();
  });

  const batchOf = (client: number, n: number) =>
    Array.from({ length: BATCH }, (_, i) => {
      const idNumber = freshIdentityNumber();
      return { id: `${prefix}-${client}-${n}-${i}`, type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber, studentNumber: `G${idNumber}` } };
    });

  it('answers every client, none with a 500 or a hang, and loses no accepted record', async () => {
    const started = Date.now();
    const [survivor, victim] = bed.urls as [string, string];
    const alive = new Set([survivor, victim]);
    const answers: Sent[] = [];
    const failures: string[] = [];
    let killedAt = 0;
    let recoveredAt = 0;
    let inFlightAtKill = 0;
    let inFlight = 0;
    /** One batch, to the gateway given, then to the other one while the first cannot answer; what the gateway that answered said. */
    const send = async (records: ReturnType<typeof batchOf>, first: string): Promise<void> => {
      for (const url of [first, ...[...alive].filter((other) => other !== first), first]) {
        inFlight += records.length;
        const response = await fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bed.keys['education']}`, 'content-type': 'application/json' },
          body: JSON.stringify(records),
          signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
        }).catch((error: unknown) => (error instanceof Error && error.name === 'TimeoutError' ? 'hang' : 'unreachable'));
        inFlight -= records.length;
        if (response === 'hang') failures.push(`${url}: no answer within ${ANSWER_WITHIN_MS} ms`);
        if (typeof response === 'string') continue;
        if (response.status >= 500 && response.status !== 503) failures.push(`${url}: ${response.status}`);
        if (response.status === 503) continue;
        const outcome = await bodyOf(response);
        answers.push({ ids: (outcome.results as { id: string; status: string }[]).filter((r) => r.status === 'accepted' || r.status === 'duplicate').map((r) => r.id), status: response.status });
        if (killedAt > 0 && recoveredAt === 0) recoveredAt = Date.now();
        return;
      }
      failures.push(`a batch found no gateway to take it (${records[0].id} …)`);
    };
    const client = async (c: number) => {
      for (let n = 0; n < BATCHES; n++) await send(batchOf(c, n), bed.urls[(n + c) % bed.urls.length]);
    };
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    await eventually('the clients are well under way', async () => answers.length >= (BATCHES * CLIENTS) / 4, 60_000);
    inFlightAtKill = inFlight;
    await bed.processes[1].stop('SIGKILL');
    killedAt = Date.now();
    alive.delete(victim);
    await Promise.all(clients);

    const accepted = new Set(answers.flatMap((answer) => answer.ids));
    const onTopic: string[] = [];
    await readTopicWindow(testKafkaSettings('gateway-fault-scan'), ENROLMENT, { since: started, limit: 10_000_000 }, (record) => {
      const id = record.headers['ce_id'];
      if (id?.startsWith(prefix)) onTopic.push(id);
    });
    const copies = new Map<string, number>();
    for (const id of onTopic) copies.set(id, (copies.get(id) ?? 0) + 1);
    const lost = [...accepted].filter((id) => !copies.has(id));
    const duplicated = [...copies.values()].filter((count) => count > 1).length;
    rows.push({ fault: 'gateway SIGKILL (1 of 2)', recoverySeconds: ((recoveredAt || killedAt) - killedAt) / 1000, inFlight: inFlightAtKill, lost: lost.length, duplicated });
    expect(failures).toEqual([]);
    expect(accepted.size).toBe(BATCHES * CLIENTS * BATCH);
    expect(lost).toEqual([]);
  });
});
