import { findingId } from '@hub/precise-aid';
import { precariousFamily } from '../support/precarious-family.js';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { contractExample } from '../support/contract-examples.js';
import { EVALUATION_DATE, startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { uniqueName } from '../support/unique-name.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
/** How long a raised finding settles before it is announced, in these tests. */
const SETTLE_MS = 3000;

interface DeliveredFinding {
  findingId: string;
  rule: string;
  subject: string;
  state: string;
  period: string;
  recordKeys: Record<string, string>;
  evidence: { eventId: string }[];
  responses: { response: string; reason?: string }[];
}

describe('the precise-aid loop: departments publish, the crosscheck finds, the department is told in its own keys', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;

  beforeAll(async () => {
    bed = await startGatewayTestBed('crosscheck-loop', {
      members: [
        { id: 'education', role: 'department' },
        { id: 'civil-affairs', role: 'department' },
      ],
    });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: SETTLE_MS });
  });

  afterAll(async () => {
    await crosscheck?.stop();
    await bed?.stop();
  });

  /** Publishes as a member and insists every record was accepted (a refusal would only show later as a missing finding). */
  const publish = async (member: string, records: unknown[]) => {
    const outcome = await bodyOf(await asMember(bed, member).post('/v1/events', records));
    expect([member, Number(outcome.accepted) + Number(outcome.duplicates)]).toEqual([member, records.length]);
  };

  const findingsOf = async (studentNumber: string): Promise<DeliveredFinding[]> =>
    ((await bodyOf(await asMember(bed, 'education').get('/v1/findings?limit=1000'))).items as DeliveredFinding[]).filter((f) => f.recordKeys['studentNumber'] === studentNumber);

  it("raises missed student aid for a 低保 family's enrolled child with no aid, reflects Education's response, and closes it when the aid is granted", async () => {
    const child = freshIdentityNumber();
    const parent = freshIdentityNumber({ from: 1975, to: 1990 });
    const studentNumber = `G${child}`;
    const householdId = uniqueName('ca');
    const enrolmentId = uniqueName('edu');
    await publish('civil-affairs', [
      {
        id: householdId,
        type: HOUSEHOLD,
        data: {
          ...contractExample(HOUSEHOLD),
          householdNumber: `640104-${child.slice(-6)}`,
          members: [
            { idNumber: parent, name: '马建国', relationToHead: 'head' },
            { idNumber: child, name: '马小军', relationToHead: 'child' },
          ],
        },
      },
    ]);
    await publish('education', [{ id: enrolmentId, type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber: child, studentNumber, term: '2026-spring', effectiveDate: '2026-02-15' } }]);

    let raised: DeliveredFinding | undefined;
    await eventually('education is told of the missed aid', async () => {
      raised = (await findingsOf(studentNumber)).find((f) => f.rule === 'missed-student-aid');
      return raised !== undefined;
    });
    expect(raised).toMatchObject({ state: 'open', period: '2026-spring' });
    expect(raised!.evidence.map((e) => e.eventId).sort()).toEqual([enrolmentId, householdId].sort());

    const responded = await asMember(bed, 'education').post(`/v1/findings/${raised!.findingId}/responses`, {
      response: 'acknowledged',
      reason: "The school is checking the family's application.",
      respondedBy: '张老师',
    });
    expect(responded.status).toBe(202);
    await eventually('the response is reflected in the finding', async () =>
      (await findingsOf(studentNumber)).some((f) => f.findingId === raised!.findingId && f.state === 'open' && f.responses.some((r) => r.response === 'acknowledged')),
    );

    await publish('education', [{ id: uniqueName('aid'), type: AID, data: { ...contractExample(AID), idNumber: child, studentNumber, term: '2026-spring' } }]);
    await eventually('the finding closes by itself', async () => (await findingsOf(studentNumber)).some((f) => f.findingId === raised!.findingId && f.state === 'closed'));
  });

  it('never announces a finding that the next events withdraw within the settling time (aid read before the status it needs)', async () => {
    const { child, household, education } = precariousFamily(0); // enrolled, and granted aid
    // In 普通高中, paid 免学杂费: a closed list, so with no status known the aid raises a finding (a need-tested item would not).
    await publish(
      'education',
      education.map((r) => ({ ...r, data: { ...r.data, ...(r.type === ENROLMENT ? { stage: 'senior-high', grade: 2 } : { aidType: 'tuition-waiver' }) } })),
    );
    const outbox = () =>
      bed.database.query(`SELECT o.change FROM crosscheck_outbox o JOIN crosscheck_finding f USING (finding_id) WHERE f.subject = $1 AND f.rule = 'aid-without-eligibility'`, [
        pseudonymiser.pseudonymise('person', child),
      ]);
    await eventually('the aid raised a finding that is settling', async () => (await outbox()).length === 1);
    await publish('civil-affairs', [household]);
    // Withdrawn, not published: a published raise would stay in the outbox (and be followed by a close).
    await eventually('the settling finding is withdrawn', async () => (await outbox()).length === 0);
    expect((await findingsOf(`G${child}`)).filter((f) => f.rule === 'aid-without-eligibility')).toEqual([]);
  });

  it("judges again, when it starts under a new rule version, the persons whose open findings are of an older one: those close, the new version's are raised", async () => {
    const child = freshIdentityNumber();
    const studentNumber = `G${child}`;
    await publish('civil-affairs', [
      {
        id: uniqueName('ca'),
        type: HOUSEHOLD,
        data: { ...contractExample(HOUSEHOLD), householdNumber: `640104-${child.slice(-6)}`, members: [{ idNumber: child, name: '马小军', relationToHead: 'child' }] },
      },
    ]);
    await publish('education', [{ id: uniqueName('edu'), type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber: child, studentNumber, term: '2026-spring', effectiveDate: '2026-02-15' } }]);
    let current: DeliveredFinding | undefined;
    await eventually('education is told of the missed aid', async () => (current = (await findingsOf(studentNumber)).find((f) => f.rule === 'missed-student-aid')) !== undefined);
    await crosscheck.stop();
    // As if it had been raised by the previous rule version (1.0.0): its id and version are those of then.
    const olderId = findingId('missed-student-aid', '1.0.0', current!.subject, current!.period);
    await bed.database.query(`UPDATE crosscheck_finding SET finding_id = $2::char(64), finding = finding || jsonb_build_object('findingId', $2::text, 'ruleVersion', '1.0.0') WHERE finding_id = $1`, [
      current!.findingId,
      olderId,
    ]);
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: SETTLE_MS });
    const states = async () =>
      new Map(
        (await bed.database.query<{ finding_id: string; state: string }>('SELECT finding_id, state FROM crosscheck_finding WHERE finding_id = ANY($1)', [[olderId, current!.findingId]])).map((r) => [
          r.finding_id,
          r.state,
        ]),
      );
    await eventually("the older version's finding closed and the current one raised", async () => {
      const now = await states();
      return now.get(olderId) === 'closed' && now.get(current!.findingId) === 'open';
    });
  });

  it("judges a person again when the day passes a date that can change their findings, with no new event: a 低保 member's 2027 insurance gap on 2 January (issue 21)", async () => {
    const member = freshIdentityNumber({ from: 1975, to: 1990 });
    const subject = pseudonymiser.pseudonymise('person', member);
    await publish('civil-affairs', [
      {
        id: uniqueName('ca'),
        type: HOUSEHOLD,
        data: { ...contractExample(HOUSEHOLD), householdNumber: `640104-${member.slice(-6)}`, members: [{ idNumber: member, name: '马建国', relationToHead: 'head' }] },
      },
    ]);
    const gaps = async () =>
      bed.database.query<{ period: string; state: string; evaluation_date: string | null }>(
        `SELECT f.finding ->> 'period' AS period, f.state, (SELECT o.event ->> 'evaluationDate' FROM crosscheck_outbox o WHERE o.finding_id = f.finding_id AND o.published_at IS NOT NULL ORDER BY o.sequence DESC LIMIT 1) AS evaluation_date
         FROM crosscheck_finding f WHERE f.subject = $1 AND f.rule = 'insurance-gap' ORDER BY 1`,
        [subject],
      );
    await eventually('the 2026 gap announced', async () => (await gaps()).some((g) => g.period === '2026' && g.evaluation_date !== null));
    const [review] = await bed.database.query<{ review_on: string }>(`SELECT to_char(review_on, 'YYYY-MM-DD') AS review_on FROM crosscheck_review WHERE person = $1`, [subject]);
    expect(review).toEqual({ review_on: '2027-01-01' });

    await crosscheck.stop();
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: SETTLE_MS, env: { EVALUATION_DATE: '2027-01-02' } });
    await eventually('the 2027 gap announced, judged as of 2 January', async () => (await gaps()).some((g) => g.period === '2027' && g.evaluation_date === '2027-01-02'));
    expect(await gaps()).toEqual([
      { period: '2026', state: 'open', evaluation_date: EVALUATION_DATE },
      { period: '2027', state: 'open', evaluation_date: '2027-01-02' },
    ]);
  });
});
