/**
 * Issue 20, entitled re-identification: the department a finding is routed to may learn who it is
 * about (identity number and name, from the gateway's sealed identity vault) where the policy
 * grants it for the finding's rule, while the finding is open, stating a purpose; every decision
 * is in the access log with the purpose.
 */
import { toKafkaBinary } from '@hub/contracts';
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { createKafkaClient, HubProducer, readTopicWindow } from '@hub/messaging';
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const HEAD = { identityNumber: '640104198506120314', name: '马建国' };
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
const person = pseudonymiser.pseudonymise('person', HEAD.identityNumber);
const PURPOSE = '资助参保: enrol with a premium subsidy';

describe('revealing who a finding is about (issue 20)', () => {
  let bed: GatewayTestBed;
  let producer: HubProducer;
  const started = Date.now();
  const suffix = Date.now().toString(16).padStart(16, '0');
  const ids = { gap: 'b'.repeat(48) + suffix, closedGap: 'c'.repeat(48) + suffix, missedAid: 'd'.repeat(48) + suffix };
  const healthcare = () => asMember(bed, 'healthcare-security');
  const reveal = (member: string, findingId: string, body: unknown = { purpose: PURPOSE }) => asMember(bed, member).post(`/v1/findings/${findingId}/reveal`, body);

  const publishFinding = (findingId: string, overrides: Record<string, unknown>) =>
    producer.send([
      {
        topic: bed.findingsTopic,
        ...toKafkaBinary(
          {
            specversion: '1.0',
            id: uniqueName('f'),
            source: '/hub/crosscheck',
            type: 'hub.finding.changed.v1',
            data: { ...contractExample('hub.finding.changed.v1'), findingId, subject: person, occurredAt: new Date().toISOString(), ...overrides },
          },
          person,
        ),
      },
    ]);

  beforeAll(async () => {
    bed = await startGatewayTestBed('finding-reveal', {
      members: [
        { id: 'civil-affairs', role: 'department' },
        { id: 'healthcare-security', role: 'department' },
        { id: 'education', role: 'department' },
        { id: 'audit-office', role: 'auditor' },
      ],
    });
    producer = new HubProducer(createKafkaClient(testKafkaSettings('test-reveal')));
    const published = await bodyOf(await asMember(bed, 'civil-affairs').post('/v1/events', [{ id: uniqueName('hh'), type: HOUSEHOLD, data: contractExample(HOUSEHOLD) }]));
    expect(published.accepted).toBe(1);
    const gap = { rule: 'insurance-gap', period: '2026', routedTo: 'healthcare-security', reveal: { purpose: '资助参保' } };
    await publishFinding(ids.gap, { ...gap, change: 'raised' });
    await publishFinding(ids.closedGap, { ...gap, change: 'closed' });
    await publishFinding(ids.missedAid, { rule: 'missed-student-aid', period: '2026-autumn', routedTo: 'education', change: 'raised' });
    await eventually('the three findings delivered', async () => {
      const held: { finding_id: string }[] = await bed.database.query('SELECT finding_id FROM gateway_finding WHERE finding_id = ANY($1)', [Object.values(ids)]);
      return held.length === 3;
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await bed?.stop();
  });

  it('tells the routed department that it may ask, and for what', async () => {
    const page = await bodyOf(await healthcare().get('/v1/findings?rule=insurance-gap&limit=1000'));
    expect(page.items.find((f: { findingId: string }) => f.findingId === ids.gap)).toMatchObject({ reveal: { purpose: '资助参保' } });
  });

  it("reveals the identity number and name of an open finding's subject to the department it is routed to", async () => {
    const response = await reveal('healthcare-security', ids.gap);
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toEqual({ findingId: ids.gap, subject: person, purpose: '资助参保', identityNumber: HEAD.identityNumber, name: HEAD.name });
  });

  it('answers 404 to another member, and to an auditor, as if the finding did not exist', async () => {
    expect((await reveal('education', ids.gap)).status).toBe(404);
    expect((await reveal('audit-office', ids.gap)).status).toBe(404);
  });

  it('refuses with 403 a closed finding, and a finding whose rule grants no reveal', async () => {
    expect((await reveal('healthcare-security', ids.closedGap)).status).toBe(403);
    const missed = await reveal('education', ids.missedAid);
    expect(missed.status).toBe(403);
    expect((await bodyOf(missed)).message).toContain('the policy grants no reveal for missed-student-aid findings');
  });

  it('asks for a purpose, and refuses one that holds an identity number', async () => {
    expect((await reveal('healthcare-security', ids.gap, {})).status).toBe(400);
    expect((await reveal('healthcare-security', ids.gap, { purpose: `enrol ${HEAD.identityNumber}` })).status).toBe(400);
  });

  it('writes every reveal, allowed or refused, to the access log with the purpose stated and the finding', async () => {
    const reveals: AccessLogEntry[] = [];
    await eventually('the reveals in the access log', async () => {
      reveals.length = 0;
      await readTopicWindow(testKafkaSettings('reveal-access-log'), ACCESS_LOG_TOPIC, { since: started, limit: 10_000_000 }, (record) => {
        const entry = JSON.parse(record.value!.toString('utf8')) as AccessLogEntry;
        if (entry.action === 'reveal-identity' && Object.values(ids).includes(entry.resource)) reveals.push(entry);
      });
      return reveals.some((entry) => entry.allowed) && reveals.filter((entry) => !entry.allowed).length >= 2;
    });
    expect(reveals.find((entry) => entry.allowed)).toMatchObject({ member: 'healthcare-security', resource: ids.gap, items: [ids.gap], purpose: PURPOSE, reason: expect.stringContaining('资助参保') });
    expect(
      reveals
        .filter((entry) => !entry.allowed)
        .map((entry) => entry.resource)
        .sort(),
    ).toEqual(expect.arrayContaining([ids.closedGap, ids.missedAid].sort()));
    expect(JSON.stringify(reveals)).not.toContain(HEAD.identityNumber);
  });
});
