/**
 * Issue 19: every decision of the gateway reaches the access log, the refusals at 400, 403, 404,
 * 413 and 429 as well as CSV mappings and finding responses.
 */
import { randomBytes } from 'node:crypto';
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { readTopicWindow } from '@hub/messaging';
import { eventually } from '../support/eventually.js';
import { asMember, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { testKafkaSettings } from '../support/test-kafka.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';

describe("the gateway's access log (issue 19: every decision)", () => {
  let bed: GatewayTestBed;
  const started = Date.now();

  /** The entries of the access log since the suite started that satisfy the predicate. */
  const logged = async (predicate: (entry: AccessLogEntry) => boolean): Promise<AccessLogEntry[]> => {
    const entries: AccessLogEntry[] = [];
    await readTopicWindow(testKafkaSettings('access-log-test'), ACCESS_LOG_TOPIC, { since: started, limit: 10_000_000 }, (record) => {
      const entry = record.value ? (JSON.parse(record.value.toString('utf8')) as AccessLogEntry) : undefined;
      if (entry && predicate(entry)) entries.push(entry);
    });
    return entries;
  };
  const eventuallyLogged = async (what: string, predicate: (entry: AccessLogEntry) => boolean): Promise<AccessLogEntry> => {
    let found: AccessLogEntry | undefined;
    await eventually(what, async () => (found = (await logged(predicate))[0]) !== undefined, 30_000);
    return found!;
  };

  beforeAll(async () => {
    bed = await startGatewayTestBed('access-log', {
      members: [
        { id: 'education', role: 'department', maxRequestBytes: 4096 },
        { id: 'civil-affairs', role: 'department' },
      ],
    });
  });

  afterAll(async () => {
    await bed?.stop();
  });

  it("logs a refused CSV mapping (another department's type) with its 403", async () => {
    expect((await asMember(bed, 'education').put(`/v1/csv-mappings/${HOUSEHOLD}`, { columns: {} })).status).toBe(403);
    const entry = await eventuallyLogged('the refused mapping', (e) => e.member === 'education' && e.action === 'map-csv' && e.resource === `PUT /v1/csv-mappings/${HOUSEHOLD}`);
    expect(entry).toMatchObject({ allowed: false, reason: expect.stringMatching(/^403: .*belongs to civil-affairs/) });
  });

  it("logs a response to a finding that is not the member's with its 404", async () => {
    const probe = randomBytes(32).toString('hex');
    expect((await asMember(bed, 'education').post(`/v1/findings/${probe}/responses`, { response: 'acknowledged' })).status).toBe(404);
    const entry = await eventuallyLogged('the refused response', (e) => e.action === 'respond' && e.resource === `POST /v1/findings/${probe}/responses`);
    expect(entry).toMatchObject({ member: 'education', allowed: false, reason: expect.stringMatching(/^404: /) });
  });

  it("logs a body over the member's limit with its 413", async () => {
    const marker = randomBytes(6).toString('hex');
    const response = await asMember(bed, 'education').post(`/v1/events?probe=${marker}`, { records: [{ note: 'x'.repeat(10_000) }] });
    expect(response.status).toBe(413);
    const entry = await eventuallyLogged(
      'the refused body',
      (e) => e.member === 'education' && e.action === 'publish' && !e.allowed && e.reason.startsWith('413: ') && e.at >= new Date(started).toISOString(),
    );
    expect(entry.resource).toBe('POST /v1/events');
  });

  it('logs a body that is not JSON with its 400', async () => {
    expect((await asMember(bed, 'civil-affairs').post('/v1/events', '{"records": [', 'application/json')).status).toBe(400);
    const entry = await eventuallyLogged('the refused body', (e) => e.member === 'civil-affairs' && e.action === 'publish' && !e.allowed && e.reason.startsWith('400: '));
    expect(entry.resource).toBe('POST /v1/events');
  });

  it('logs a member reading its CSV mappings', async () => {
    expect((await asMember(bed, 'civil-affairs').get('/v1/csv-mappings')).status).toBe(200);
    await eventuallyLogged('the read of mappings', (e) => e.member === 'civil-affairs' && e.action === 'read-csv-mappings' && e.allowed);
  });
});
