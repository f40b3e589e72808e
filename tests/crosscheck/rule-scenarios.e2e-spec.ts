import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, publishOne, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { uniqueName } from '../support/unique-name.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const MONITORING = 'rural-revitalisation.monitoring-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const CERTIFICATE = 'disability.certificate.changed.v1';
const SUBSIDY = 'disability.subsidy.granted.v1';
const INSURANCE = 'healthcare-security.insurance-enrolment.recorded.v1';
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
const SETTLE_MS = 500;

interface Delivered {
  rule: string;
  state: string;
  period: string;
  item?: string;
  subject: string;
  explanation: string;
}

/**
 * Each rule family through the real loop (gateway → canonical topics → crosscheck → findings →
 * gateway), judged as of 2026-11-30: where it fires, where it must not, where it closes by itself,
 * events out of order, and a status revoked retroactively. Every scenario has persons of its own.
 */
describe('the rule families, end to end', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;

  beforeAll(async () => {
    const departments = ['education', 'civil-affairs', 'rural-revitalisation', 'disability', 'healthcare-security'];
    bed = await startGatewayTestBed('crosscheck-rules', { members: departments.map((id) => ({ id, role: 'department' as const })) });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: SETTLE_MS });
  });

  afterAll(async () => {
    await crosscheck?.stop();
    await bed?.stop();
  });

  const publish = (member: string, type: string, data: Record<string, unknown>) => publishOne(bed, member, type, data);
  /** Waits until the crosscheck has stored these events and announced (or withdrawn) every change they caused. */
  const settled = async (eventIds: string[]) => {
    await eventually('the crosscheck has the events and nothing left to announce', async () => {
      const [facts] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_fact WHERE event_id = ANY($1)', [eventIds]);
      const [pending] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_outbox WHERE published_at IS NULL');
      return facts.n === eventIds.length && pending.n === 0;
    });
  };
  /** The findings a department has been told of about a person (by pseudonym), once the gateway holds every announced change. */
  const toldOf = async (member: string, identityNumber: string): Promise<Delivered[]> => {
    const subject = pseudonymiser.pseudonymise('person', identityNumber);
    const [announced] = await bed.database.query<{ n: number }>(
      'SELECT count(DISTINCT finding_id)::int AS n FROM crosscheck_outbox o JOIN crosscheck_finding f USING (finding_id) WHERE f.subject = $1 AND o.published_at IS NOT NULL',
      [subject],
    );
    let items: Delivered[] = [];
    await eventually(`${member} holds every announced finding`, async () => {
      const everyone = (await bodyOf(await asMember(bed, member).get('/v1/findings?limit=1000'))).items as Delivered[];
      const all = await Promise.all(
        ['education', 'civil-affairs', 'rural-revitalisation', 'disability', 'healthcare-security'].map(async (m) =>
          ((await bodyOf(await asMember(bed, m).get('/v1/findings?limit=1000'))).items as Delivered[]).filter((f) => f.subject === subject),
        ),
      );
      items = everyone.filter((f) => f.subject === subject);
      return all.flat().length === announced.n;
    });
    return items;
  };
  /** Waits until a department has been told what is expected of a person (of one rule, when named; announcing may trail the facts by a batch), then asserts it. */
  const expectTold = async (member: string, identityNumber: string, expected: Record<string, string | RegExp>[], rule?: string) => {
    const matches = (found: Delivered[]) =>
      found.length === expected.length &&
      expected.every((e, i) => Object.entries(e).every(([k, v]) => (typeof v === 'string' ? found[i][k as keyof Delivered] === v : v.test(found[i][k as keyof Delivered] ?? ''))));
    let last: Delivered[] = [];
    // On a timeout the assertion below shows what was told instead.
    await eventually(`${member} is told ${JSON.stringify(expected)}`, async () => matches((last = (await toldOf(member, identityNumber)).filter((f) => rule === undefined || f.rule === rule)))).catch(
      () => undefined,
    );
    expect(last).toMatchObject(expected.map((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'string' ? v : expect.stringMatching(v)]))));
  };
  const household = (category: string, change: string, from: string, members: [string, string][], householdNumber: string) =>
    publish('civil-affairs', HOUSEHOLD, {
      householdNumber,
      category,
      change,
      effectiveFrom: from,
      effectiveTo: null,
      members: members.map(([idNumber, relationToHead]) => ({ idNumber, name: '马', relationToHead })),
    });
  // Spring 2026: its payment deadline (06-30) has passed by the evaluation date, so missed aid is judged (autumn's, 12-31, has not).
  /** The school type (学校标识码) of a school that teaches each stage: a school of another type is a data-quality finding. */
  const SCHOOL_CODES: Record<string, string> = { compulsory: '2164010401', 'senior-high': '3464010401' };
  const enrol = (child: string, stage = 'compulsory') =>
    publish('education', ENROLMENT, { idNumber: child, studentNumber: `G${child}`, term: '2026-spring', stage, schoolCode: SCHOOL_CODES[stage], effectiveDate: '2026-02-15' });
  const grantAid = (child: string, aidType = 'compulsory-living-subsidy') => publish('education', AID, { idNumber: child, studentNumber: `G${child}`, term: '2026-spring', aidType });
  const number = () => `640104-${uniqueName('h').slice(-6)}`;

  describe('missed student aid', () => {
    it('fires when the enrolment arrives before the status, and names the status', async () => {
      const child = freshIdentityNumber();
      const ids = [await enrol(child), await household('dibao', 'granted', '2026-03-01', [[child, 'child']], number())];
      await settled(ids);
      await expectTold('education', child, [{ rule: 'missed-student-aid', state: 'open', period: '2026-spring', item: 'compulsory-living-subsidy', explanation: /dibao from 2026-03-01/ }]);
    });

    it('does not fire for a status held on fewer than 30 days of the term (15 of them), and fires at 36', async () => {
      const [late, early] = [freshIdentityNumber(), freshIdentityNumber()];
      const ids = [
        await enrol(late),
        await household('dibao', 'granted', '2026-07-01', [[late, 'child']], number()),
        await enrol(early),
        await household('dibao', 'granted', '2026-06-10', [[early, 'child']], number()),
      ];
      await settled(ids);
      expect((await toldOf('education', late)).filter((f) => f.rule === 'missed-student-aid')).toEqual([]);
      await expectTold('education', early, [{ rule: 'missed-student-aid', state: 'open' }]);
    });

    it('closes by itself when the status is revoked retroactively, from before the term', async () => {
      const child = freshIdentityNumber();
      const home = number();
      const ids = [await household('dibao', 'granted', '2025-09-01', [[child, 'child']], home), await enrol(child)];
      await settled(ids);
      await expectTold('education', child, [{ rule: 'missed-student-aid', state: 'open' }]);
      await settled([...ids, await household('dibao', 'revoked', '2026-02-01', [[child, 'child']], home)]);
      await expectTold('education', child, [{ rule: 'missed-student-aid', state: 'closed' }]);
    });
  });

  describe('household records of contract version 2', () => {
    it("counts 孤儿 as the child's own status: the orphan is told of, the cousin in the same grandparent's household is not", async () => {
      const [grandparent, orphan, cousin] = [freshIdentityNumber({ from: 1950, to: 1960 }), freshIdentityNumber(), freshIdentityNumber()];
      const member = (idNumber: string, relationToHead: string, personalStatus: string | null = null) => ({ idNumber, name: '马', relationToHead, covered: relationToHead !== 'head', personalStatus });
      const ids = [
        await publish('civil-affairs', 'civil-affairs.household-status.changed.v2', {
          householdNumber: number(),
          regionCode: '640104',
          category: 'rigid-expenditure',
          change: 'granted',
          effectiveFrom: '2026-03-01',
          effectiveTo: null,
          decisionNumber: '民救〔2026〕7号',
          area: 'rural',
          supportMode: null,
          members: [member(grandparent, 'head'), member(orphan, 'grandchild', 'orphan'), member(cousin, 'grandchild')],
        }),
        await enrol(orphan),
        await enrol(cousin),
      ];
      await settled(ids);
      await expectTold('education', orphan, [{ rule: 'missed-student-aid', state: 'open', explanation: /orphan from 2026-03-01/ }]);
      // The cousin's household is 刚性支出困难 (which counts too), but not 孤儿.
      await expectTold('education', cousin, [{ rule: 'missed-student-aid', state: 'open', explanation: /^(?!.*orphan).*rigid-expenditure from 2026-03-01/ }]);
    });
  });

  describe('aid without known eligibility', () => {
    it('fires for 普高 免学杂费 (a closed list) paid with no status known, and closes when a status for the term arrives late', async () => {
      const child = freshIdentityNumber({ from: 2009, to: 2010 });
      const ids = [await enrol(child, 'senior-high'), await grantAid(child, 'tuition-waiver')];
      await settled(ids);
      await expectTold('education', child, [{ rule: 'aid-without-eligibility', state: 'open' }]);
      await settled([...ids, await household('extreme-poverty', 'granted', '2026-01-01', [[child, 'child']], number())]);
      await expectTold('education', child, [{ rule: 'aid-without-eligibility', state: 'closed', item: 'senior-high-fee-waiver' }], 'aid-without-eligibility');
      // The status that closes it also entitles the student to the other 普高 item, which was not paid.
      await expectTold('education', child, [{ rule: 'missed-student-aid', state: 'open', item: 'senior-high-grant' }], 'missed-student-aid');
    });

    it('does not fire for aid to a student whose household holds 低保 in the term', async () => {
      const child = freshIdentityNumber();
      await settled([await household('dibao', 'granted', '2026-03-01', [[child, 'child']], number()), await enrol(child), await grantAid(child)]);
      expect(await toldOf('education', child)).toEqual([]);
    });
  });

  describe('insurance gap', () => {
    const monitored = (person: string, type = 'unstable-alleviated') =>
      publish('rural-revitalisation', MONITORING, {
        householdNumber: number(),
        monitoringType: type,
        change: 'monitoring-started',
        monitoringFrom: '2026-01-15',
        monitoringTo: null,
        members: [{ idNumber: person, name: '杨', relationToHead: 'head' }],
      });

    it('fires to Healthcare Security for a monitored person without 2026 insurance, and closes when the enrolment is recorded', async () => {
      const adult = freshIdentityNumber({ from: 1970, to: 1990 });
      const ids = [await monitored(adult)];
      await settled(ids);
      await expectTold('healthcare-security', adult, [{ rule: 'insurance-gap', period: '2026', state: 'open' }]);
      await settled([...ids, await publish('healthcare-security', INSURANCE, { idNumber: adult, year: 2026, insuranceType: 'basic-medical', status: 'enrolled' })]);
      await expectTold('healthcare-security', adult, [{ rule: 'insurance-gap', state: 'closed' }]);
    });

    it('fires for a member of a household lifted out of poverty (脱贫户) too: 脱贫人口 are in the ≥ 99 % target (policy 1.2.0)', async () => {
      const adult = freshIdentityNumber({ from: 1970, to: 1990 });
      await settled([await monitored(adult, 'poverty-alleviated')]);
      await expectTold('healthcare-security', adult, [{ rule: 'insurance-gap', period: '2026', state: 'open' }]);
    });

    it('tells Healthcare Security of a 低保 member enrolled without the premium subsidy (资助未落实), and closes when the subsidy is recorded', async () => {
      const adult = freshIdentityNumber({ from: 1970, to: 1990 });
      const enrolled = (premiumSubsidy: { basis: string; amountFen: number } | null) =>
        publish('healthcare-security', INSURANCE, { idNumber: adult, year: 2026, insuranceType: 'basic-medical', status: 'enrolled', premiumSubsidy });
      const ids = [await household('dibao', 'granted', '2026-01-01', [[adult, 'head']], number()), await enrolled(null)];
      await settled(ids);
      await expectTold('healthcare-security', adult, [{ rule: 'insurance-subsidy-mismatch', period: '2026', state: 'open', explanation: /no premium subsidy, where dibao calls for a 定额/ }]);
      await settled([...ids, await enrolled({ basis: 'dibao', amountFen: 15000 })]);
      await expectTold('healthcare-security', adult, [{ rule: 'insurance-subsidy-mismatch', state: 'closed' }]);
    });
  });

  describe('disability subsidy gaps', () => {
    it('fires for a grade 2 certificate without the care subsidy for a month, and closes when it is paid', async () => {
      const person = freshIdentityNumber({ from: 1960, to: 1990 });
      const certificate = `${person}42`; // 残疾人证号: the identity number, the category (4 physical) and the grade (2)
      const ids = [await publish('disability', CERTIFICATE, { idNumber: person, certificateNumber: certificate, category: 'physical', grade: 2, change: 'issued', effectiveDate: '2026-03-10' })];
      for (const month of ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'])
        ids.push(await publish('disability', SUBSIDY, { idNumber: person, certificateNumber: certificate, subsidyType: 'care', month }));
      await settled(ids);
      await expectTold('disability', person, [{ rule: 'disability-care-subsidy-gap', period: '2026', explanation: /no care subsidy is recorded for 2026-10\./ }]);
      await settled([...ids, await publish('disability', SUBSIDY, { idNumber: person, certificateNumber: certificate, subsidyType: 'care', month: '2026-10' })]);
      await expectTold('disability', person, [{ rule: 'disability-care-subsidy-gap', state: 'closed' }]);
    });

    it('tells the federation of a care subsidy paid on after 复评 moved the certificate to grade 3 (应退则退), with no gap after the change', async () => {
      const person = freshIdentityNumber({ from: 1960, to: 1990 });
      const certificate = (grade: number, change: string, effectiveDate: string) =>
        publish('disability', CERTIFICATE, { idNumber: person, certificateNumber: `${person}4${grade}`, category: 'physical', grade, change, effectiveDate });
      const ids = [await certificate(2, 'issued', '2026-01-10'), await certificate(3, 'changed', '2026-07-01')];
      for (const month of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'])
        ids.push(await publish('disability', SUBSIDY, { idNumber: person, certificateNumber: `${person}42`, subsidyType: 'care', month }));
      await settled(ids);
      await expectTold('disability', person, [
        { rule: 'disability-subsidy-not-due', period: '2026', state: 'open', explanation: /care subsidy for 2026-07 \(no entitlement holds then\); care subsidy for 2026-08/ },
      ]);
    });
  });

  describe('data quality', () => {
    it('tells Civil Affairs of a person listed in two of its households at once', async () => {
      const person = freshIdentityNumber();
      await settled([
        await household('dibao', 'granted', '2026-03-01', [[person, 'child']], number()),
        await household('extreme-poverty', 'granted', '2026-05-01', [[person, 'grandchild']], number()),
      ]);
      await expectTold('civil-affairs', person, [{ state: 'open', period: '2026-05-01' }], 'data-quality');
    });
  });

  describe('the checks of policy 1.3.0', () => {
    it('因病返贫 early warning: tells Rural Revitalisation of a person whose settlements (a new contract) add up past the threshold, and closes when the person is monitored', async () => {
      const person = freshIdentityNumber();
      const settle = (settledOn: string, yuan: number) =>
        publish('healthcare-security', 'healthcare-security.settlement.recorded.v1', {
          settlementNumber: `JS-${uniqueName('s').slice(-10)}`,
          idNumber: person,
          settledOn,
          selfPaidInScopeFen: yuan * 100,
          selfPaidOutOfScopeFen: 0,
        });
      await settled([await settle('2026-03-02', 5000), await settle('2026-07-15', 4500)]);
      await expectTold('rural-revitalisation', person, [{ rule: 'medical-cost-risk', state: 'open', period: '2026', explanation: /累计9,500元（2次结算）/ }], 'medical-cost-risk');
      const monitored = await publish('rural-revitalisation', 'rural-revitalisation.monitoring-status.changed.v1', {
        householdNumber: `640104-${uniqueName('m').slice(-6)}`,
        monitoringType: 'sudden-hardship',
        change: 'monitoring-started',
        monitoringFrom: '2026-08-01',
        monitoringTo: null,
        members: [{ idNumber: person, name: '马', relationToHead: 'head' }],
      });
      await settled([monitored]);
      await expectTold('rural-revitalisation', person, [{ rule: 'medical-cost-risk', state: 'closed' }], 'medical-cost-risk');
    });

    it('控辍保学: tells Education of a 低保 pupil enrolled in spring and not for autumn', async () => {
      const child = freshIdentityNumber();
      const inGrade7 = await publish('education', ENROLMENT, { idNumber: child, studentNumber: `G${child}`, term: '2026-spring', stage: 'compulsory', grade: 7, effectiveDate: '2026-02-15' });
      await settled([inGrade7, await household('dibao', 'granted', '2026-01-01', [[child, 'child']], number())]);
      await expectTold('education', child, [{ rule: 'dropout-risk', state: 'open', period: '2026-autumn' }], 'dropout-risk');
    });
  });
});
