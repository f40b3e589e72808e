/**
 * A department's bulk load (issue 25): while it is under way the crosscheck stores the loading
 * department's records without judging them, and once the load is closed and its last record
 * stored, it judges the persons the load touched, once each; the department is told only what
 * holds. A 低保 family's child enrolled in the load and granted aid later in the same load is never
 * raised as missed aid, not even in between; a child enrolled without aid is announced, after the
 * close. Without a load the first would have gone out once it settled
 * (tests/crosscheck/precise-aid-loop).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalKafkaBroker } from '@hub/local-infra';
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { contractExample } from '../support/contract-examples.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { precariousFamily } from '../support/precarious-family.js';
import { uniqueName } from '../support/unique-name.js';
import { ownBrokerOptions } from '../support/own-broker.js';

const AID = 'education.student-aid.granted.v1';
const SETTLE_MS = 500;
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));

interface DeliveredFinding {
  findingId: string;
  rule: string;
  state: string;
  recordKeys: Record<string, string>;
}

describe("a department's bulk load: findings are announced once the whole load is judged", () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-bulk-load-'));
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;

  beforeAll(async () => {
    // A broker of the suite's own: a load left open by a failure here must not hold back the findings of other suites' crosschecks.
    broker = await LocalKafkaBroker.start(await ownBrokerOptions(folder));
    const brokers = [broker.bootstrapServers];
    bed = await startGatewayTestBed('bulk-load', {
      members: [
        { id: 'education', role: 'department' },
        { id: 'civil-affairs', role: 'department' },
      ],
      brokers,
    });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: SETTLE_MS, brokers });
  });

  afterAll(async () => {
    await crosscheck?.stop();
    await bed?.stop();
    await broker?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const publish = async (member: string, records: unknown[]) => {
    const outcome = await bodyOf(await asMember(bed, member).post('/v1/events', records));
    expect([member, Number(outcome.accepted)]).toEqual([member, records.length]);
  };
  const announcedTo = async (studentNumber: string): Promise<DeliveredFinding[]> =>
    ((await bodyOf(await asMember(bed, 'education').get('/v1/findings?limit=1000'))).items as DeliveredFinding[]).filter((f) => f.recordKeys['studentNumber'] === studentNumber);
  /** The missed-aid findings the crosscheck ever raised about a child, open or closed, announced or not. */
  const raisedFor = (child: string) =>
    bed.database.query<{ finding_id: string }>(`SELECT finding_id FROM crosscheck_finding WHERE subject = $1 AND rule = 'missed-student-aid'`, [pseudonymiser.pseudonymise('person', child)]);
  /** The persons whose judging a load put off. */
  const deferredIn = async (loadId: string) => (await bed.database.query<{ person: string }>('SELECT person FROM crosscheck_deferred_judgement WHERE load_id = $1', [loadId])).map((row) => row.person);

  it('holds back what the load raises while it is under way, and announces only what holds once it is closed and judged', async () => {
    // Two 低保 families (no aid in either: precariousFamily(1) and (2)), known before the load.
    const [aided, missed] = [precariousFamily(1), precariousFamily(2)];
    await publish('civil-affairs', [aided.household, missed.household]);

    const opened = await asMember(bed, 'education').post('/v1/bulk-loads', {});
    expect(opened.status).toBe(201);
    const { loadId } = await bodyOf(opened);
    await eventually('the crosscheck knows of the load', async () => crosscheck.lines.some((line) => line.includes(loadId) && line.includes('bulk load opened')));

    await publish('education', [...aided.education, ...missed.education]);
    const children = [aided.child, missed.child].map((child) => pseudonymiser.pseudonymise('person', child));
    await eventually('the crosscheck has stored the enrolments and put off judging the children', async () => {
      const deferred = await deferredIn(loadId);
      return children.every((child) => deferred.includes(child));
    });
    // Stored, not judged: nothing raised, nothing announced, a publishing round after the settling time.
    await new Promise((resolve) => setTimeout(resolve, 3 * SETTLE_MS));
    expect([...(await raisedFor(aided.child)), ...(await raisedFor(missed.child))]).toEqual([]);
    expect([...(await announcedTo(`G${aided.child}`)), ...(await announcedTo(`G${missed.child}`))]).toEqual([]);

    // Later in the same load: the first child's aid.
    await publish('education', [{ id: uniqueName('aid'), type: AID, data: { ...contractExample(AID), idNumber: aided.child, studentNumber: `G${aided.child}`, term: '2026-spring' } }]);
    const closed = await asMember(bed, 'education').post(`/v1/bulk-loads/${loadId}/close`, {});
    expect(closed.status).toBe(200);
    const load = await bodyOf(closed);
    expect(load).toMatchObject({ loadId, member: 'education', closedAt: expect.any(String) });
    expect(load.watermarks.map((mark: { topic: string }) => mark.topic)).toContain('education.student-enrolment.changed.v1');

    await eventually('the missed aid that holds is announced once the load is judged', async () =>
      (await announcedTo(`G${missed.child}`)).some((f) => f.rule === 'missed-student-aid' && f.state === 'open'),
    );
    expect(crosscheck.lines.some((line) => line.includes(loadId) && line.includes('bulk load judged'))).toBe(true);
    // The department sees that its load is judged: the findings it held back are out.
    await eventually('the gateway shows the load judged', async () => (await bodyOf(await asMember(bed, 'education').get(`/v1/bulk-loads/${loadId}`))).judgedAt !== undefined);
    expect(await bodyOf(await asMember(bed, 'education').get(`/v1/bulk-loads/${loadId}`))).toMatchObject({ loadId, givenUp: false });
    // The aided child was judged once, on the whole load: never raised, so never announced. Nobody is left to judge.
    expect([await raisedFor(aided.child), await announcedTo(`G${aided.child}`), await deferredIn(loadId)]).toEqual([[], [], []]);
    const listed = await bodyOf(await asMember(bed, 'education').get('/v1/bulk-loads'));
    expect(listed.items).toEqual([expect.objectContaining({ loadId, closedAt: load.closedAt })]);
    // Judged, so nothing was given up for having held too long.
    expect(crosscheck.lines.filter((line) => line.includes('held findings back'))).toEqual([]);
  });

  it("judges a person two departments' loads touched once, after both: a load closed first waits for the other one's records", async () => {
    const family = precariousFamily(4);
    const child = pseudonymiser.pseudonymise('person', family.child);
    const open = async (member: string) => {
      const { loadId } = await bodyOf(await asMember(bed, member).post('/v1/bulk-loads', {}));
      await eventually(`the crosscheck knows of ${member}'s load`, async () => crosscheck.lines.some((line) => line.includes(loadId) && line.includes('bulk load opened')));
      return loadId as string;
    };
    const [households, enrolments] = [await open('civil-affairs'), await open('education')];
    await publish('civil-affairs', [family.household]);
    await publish('education', family.education);
    await eventually('both loads have put off judging the child', async () => (await deferredIn(households)).includes(child) && (await deferredIn(enrolments)).includes(child));

    expect((await asMember(bed, 'civil-affairs').post(`/v1/bulk-loads/${households}/close`, {})).status).toBe(200);
    await eventually('the crosscheck knows the households load is closed', async () => crosscheck.lines.some((line) => line.includes(households) && line.includes('bulk load closed')));
    // Rounds of the hold go by (one a second): the enrolments load is under way, so the child is not judged on half of what they will be.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect([(await deferredIn(households)).includes(child), await raisedFor(family.child)]).toEqual([true, []]);

    expect((await asMember(bed, 'education').post(`/v1/bulk-loads/${enrolments}/close`, {})).status).toBe(200);
    await eventually('the missed aid is announced once both loads are judged', async () => (await announcedTo(`G${family.child}`)).some((f) => f.rule === 'missed-student-aid' && f.state === 'open'));
    expect([await deferredIn(households), await deferredIn(enrolments), (await raisedFor(family.child)).length]).toEqual([[], [], 1]);
  });

  it("cites the load's records about the person as the cause of a finding its judging closes", async () => {
    const family = precariousFamily(5);
    const child = pseudonymiser.pseudonymise('person', family.child);
    await publish('civil-affairs', [family.household]);
    await publish('education', family.education);
    await eventually('the missed aid is announced, with no load under way', async () => (await announcedTo(`G${family.child}`)).some((f) => f.rule === 'missed-student-aid' && f.state === 'open'));

    const { loadId } = await bodyOf(await asMember(bed, 'education').post('/v1/bulk-loads', {}));
    await eventually('the crosscheck knows of the load', async () => crosscheck.lines.some((line) => line.includes(loadId) && line.includes('bulk load opened')));
    const aid = uniqueName('aid');
    await publish('education', [{ id: aid, type: AID, data: { ...contractExample(AID), idNumber: family.child, studentNumber: `G${family.child}`, term: '2026-spring' } }]);
    expect((await asMember(bed, 'education').post(`/v1/bulk-loads/${loadId}/close`, {})).status).toBe(200);
    await eventually('the missed aid is closed once the load is judged', async () => (await announcedTo(`G${family.child}`)).some((f) => f.rule === 'missed-student-aid' && f.state === 'closed'));

    const [closed] = await bed.database.query<{ finding: { evidence: { eventId: string; type: string }[]; explanation: string } }>(
      `SELECT finding FROM crosscheck_finding WHERE subject = $1 AND rule = 'missed-student-aid'`,
      [child],
    );
    expect(closed.finding.evidence).toContainEqual(expect.objectContaining({ eventId: aid, type: AID }));
    expect(closed.finding.explanation.startsWith(`Closed: no longer found after ${AID}.`)).toBe(true);
  });

  it('gives up holding for a load opened longer ago than BULK_LOAD_MAX_HOLD_MINUTES (2 hours) and never closed, with a warning naming it', async () => {
    // As if its opening had been announced 13 hours ago.
    const forgotten = randomUUID();
    await bed.database.query(`INSERT INTO crosscheck_bulk_load (load_id, department, opened_at) VALUES ($1, 'education', now() - interval '13 hours')`, [forgotten]);
    // A person its records touched, whose judging it put off: judged all the same once the load is given up.
    await bed.database.query(`INSERT INTO crosscheck_deferred_judgement (load_id, bucket, person) VALUES ($1, hashtext('person:' || $2) & 65535, $2)`, [
      forgotten,
      pseudonymiser.pseudonymise('person', precariousFamily(3).child),
    ]);
    await eventually(
      'the crosscheck gives the load up',
      async () => (await bed.database.query(`SELECT 1 FROM crosscheck_bulk_load WHERE load_id = $1 AND given_up AND judged_at IS NOT NULL AND announced_at IS NOT NULL`, [forgotten])).length === 1,
    );
    await eventually('the person the load put off is judged', async () => (await deferredIn(forgotten)).length === 0);
    const warnings = crosscheck.lines.filter((line) => line.includes('held findings back'));
    expect([warnings.length, warnings[0]]).toEqual([1, expect.stringContaining(forgotten)]);
  });

  it('closes a load its member has gone quiet on, for the member, after BULK_LOAD_IDLE_MINUTES with no record, with a warning; the crosscheck then judges it', async () => {
    // A gateway of its own that calls a member quiet after 3 s (the default is 30 minutes).
    const quiet = await startGatewayTestBed('bulk-load-idle', {
      members: [{ id: 'rural-revitalisation', role: 'department' }],
      brokers: [broker.bootstrapServers],
      env: { BULK_LOAD_IDLE_MINUTES: '0.05' },
    });
    try {
      const member = asMember(quiet, 'rural-revitalisation');
      const { loadId } = await bodyOf(await member.post('/v1/bulk-loads', {}));
      await eventually('the gateway closes the quiet load', async () => (await bodyOf(await member.get(`/v1/bulk-loads/${loadId}`))).closedAt !== undefined);
      expect(await bodyOf(await member.get(`/v1/bulk-loads/${loadId}`))).toMatchObject({ loadId, closedIdle: true });
      expect(quiet.gateway.lines.filter((line) => line.includes(loadId) && line.includes('BULK_LOAD_IDLE_MINUTES'))).toHaveLength(1);
      await eventually('the crosscheck judges the closed load', async () => (await bodyOf(await member.get(`/v1/bulk-loads/${loadId}`))).judgedAt !== undefined);
    } finally {
      await quiet.stop();
    }
  });

  it('answers 404 for a load the member does not have, and 409 beyond ten loads open at once', async () => {
    expect((await asMember(bed, 'civil-affairs').post(`/v1/bulk-loads/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/close`, {})).status).toBe(404);
    const opened: string[] = [];
    for (let n = 0; n < 10; n++) opened.push((await bodyOf(await asMember(bed, 'civil-affairs').post('/v1/bulk-loads', {}))).loadId);
    const refused = await asMember(bed, 'civil-affairs').post('/v1/bulk-loads', {});
    expect([refused.status, (await bodyOf(refused)).message]).toEqual([409, 'civil-affairs has 10 bulk loads open; close one before opening another (at most 10)']);
    for (const loadId of opened) expect((await asMember(bed, 'civil-affairs').post(`/v1/bulk-loads/${loadId}/close`, {})).status).toBe(200);
  });
});
