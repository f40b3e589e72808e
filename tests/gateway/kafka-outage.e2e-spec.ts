import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKafkaBroker } from '@hub/local-infra';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { ownBrokerOptions } from '../support/own-broker.js';

const AID = 'education.student-aid.granted.v1';

describe('the gateway when Kafka goes away', () => {
  let folder: string;
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;

  beforeAll(async () => {
    // A broker of its own, so stopping it does not disturb the other suites.
    folder = await mkdtemp(join(tmpdir(), 'hub-outage-'));
    broker = await LocalKafkaBroker.start(await ownBrokerOptions(folder));
    bed = await startGatewayTestBed('gateway-outage', { members: [{ id: 'education', role: 'department' }], brokers: [broker.bootstrapServers] });
  });

  afterAll(async () => {
    await bed?.stop();
    await broker?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After, and keeps nothing it could not write, while the broker is down', async () => {
    const education = asMember(bed, 'education');
    // A new broker may still be settling (topic leaders): a client retries a 503, as its Retry-After says.
    const record = { id: uniqueName('before'), type: AID, data: contractExample(AID) };
    await eventually('a record is accepted while the broker is up', async () => {
      const { status } = await education.post('/v1/events', [record]);
      if (status !== 200 && status !== 503) throw new Error(`the gateway answered ${status}`);
      return status === 200;
    });

    await broker.stop();
    const lostId = uniqueName('during');
    const response = await education.post('/v1/events', [{ id: lostId, type: AID, data: contractExample(AID) }]);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await bodyOf(response)).message).toMatch(/publish/);
    expect(await bed.database.query('SELECT 1 FROM gateway_ingest_result WHERE event_id = $1', [lostId])).toEqual([]);
  });
});
