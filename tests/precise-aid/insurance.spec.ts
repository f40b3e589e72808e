/**
 * 应保尽保 and 参保资助, policy 1.2.0. Sources (see ../../../shared/policy-review.md §1.3):
 * - 国办发〔2021〕42号: 医疗救助 一类 特困, 孤儿 (事实无人抚养 where the province adds them); 二类 低保;
 *   三类 低保边缘 and the monitored at risk of returning to poverty.
 * - 国家医保局《关于坚决守牢防止规模性返贫底线健全完善防范化解因病返贫致贫长效机制的通知》: the 参保率 of
 *   农村低收入人口 and 脱贫人口 at least 99 %.
 * - 参保资助: 全额 for 特困, 定额 for 低保, 低保边缘 and the monitored (e.g. 临沂 2023: 350 and 150 元).
 */
import { evaluatePerson, POLICY_1_1, POLICY_2026, reconcile, type Fact, type Finding } from '@hub/precise-aid';
import { fact, FATHER, household, householdV2, INSURANCE, MONITORING, status, STUDENT, viewOf } from './scenario.js';

const context = { policy: POLICY_2026, until: '2026-12-01' };
const of = (rule: string, findings: Finding[]) => findings.filter((f) => f.rule === rule);
const enrolled = (premiumSubsidy: { basis: string; amountFen: number } | null, recordStatus = 'enrolled', knownAt?: string) =>
  fact(INSURANCE, { idNumber: STUDENT, year: 2026, status: recordStatus, insuranceType: 'basic-medical', premiumSubsidy }, knownAt);
const monitored = (monitoringType: string) =>
  fact(MONITORING, {
    householdNumber: household('farm', 'rural-revitalisation'),
    monitoringType,
    change: 'monitoring-started',
    monitoringFrom: '2026-01-01',
    monitoringTo: null,
    members: [{ idNumber: STUDENT, name: '杨梅', relationToHead: 'child' }],
  });

describe('应保尽保: who must be insured', () => {
  it('counts 低保边缘 (医疗救助 三类): a member with no enrolment is an insurance gap', () => {
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [status('marginal-low-income', 'granted', '2026-03-01')]), context))).toHaveLength(1);
  });

  it('counts 脱贫人口 (the ≥ 99 % target): a 脱贫户 member with no enrolment is an insurance gap', () => {
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('poverty-alleviated')]), context))).toHaveLength(1);
  });

  it('单人保: counts the member the 低保 covers, not the 共同生活成员 beside them', () => {
    const home = householdV2('dibao', 'granted', '2026-03-01', [
      { idNumber: FATHER, relationToHead: 'head', covered: true },
      { idNumber: STUDENT, relationToHead: 'child', covered: false },
    ]);
    expect(of('insurance-gap', evaluatePerson(viewOf(FATHER, [home]), context))).toHaveLength(1);
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [home]), context))).toEqual([]);
  });

  it('left 脱贫户 out under policy 1.1.0', () => {
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('poverty-alleviated')]), { ...context, policy: POLICY_1_1 }))).toEqual([]);
  });

  it('takes an enrolment terminated since as no enrolment, and says so', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolled({ basis: 'dibao', amountFen: 15000 }, 'enrolled', '2026-01-05T00:00:00Z'), enrolled(null, 'terminated', '2026-06-05T00:00:00Z')];
    const [gap] = of('insurance-gap', evaluatePerson(viewOf(STUDENT, facts), context));
    expect(gap.explanation).toMatch(/the basic-medical insurance enrolment for 2026 was terminated\.$/);
  });

  it('takes an enrolment recorded again after a termination as insured', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolled(null, 'terminated', '2026-01-05T00:00:00Z'), enrolled({ basis: 'dibao', amountFen: 15000 }, 'enrolled', '2026-06-05T00:00:00Z')];
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, facts), context))).toEqual([]);
  });
});

describe('参保资助: the premium subsidy the status calls for', () => {
  const mismatch = (facts: Fact[]) => of('insurance-subsidy-mismatch', evaluatePerson(viewOf(STUDENT, facts), context));

  it('资助未落实: a 低保 member enrolled with no subsidy, routed to Healthcare Security', () => {
    const [found] = mismatch([status('dibao', 'granted', '2026-03-01'), enrolled(null)]);
    expect(found).toMatchObject({ period: '2026', routedTo: 'healthcare-security' });
    expect(found.explanation).toBe('该人员2026年参保未享受参保资助，低保应享受定额资助（资助未落实）。 — The 2026 enrolment has no premium subsidy, where dibao calls for a 定额 (fixed) subsidy.');
  });

  it('全额 for 特困: a 特困 member subsidised 定额 (on 低保) is a lower tier, on a basis that does not hold', () => {
    const [found] = mismatch([status('extreme-poverty', 'granted', '2026-01-01'), enrolled({ basis: 'dibao', amountFen: 15000 })]);
    expect(found.explanation).toMatch(
      / — The 2026 enrolment has a 定额 \(fixed\) subsidy on dibao, where extreme-poverty calls for 全额 \(full\); and a subsidy on dibao, which does not hold in 2026\.$/,
    );
  });

  it('资助依据失效: subsidised on 低保 in a year the 低保 no longer holds', () => {
    const [found] = mismatch([status('dibao', 'granted', '2024-03-01', '2025-12-31'), enrolled({ basis: 'dibao', amountFen: 15000 })]);
    expect(found.explanation).toMatch(/^该人员2026年参保资助依据低保在2026年已不成立（资助依据失效）。 — The 2026 enrolment has a subsidy on dibao, which does not hold in 2026\.$/);
  });

  it('is satisfied by the subsidy the status calls for', () => {
    expect(mismatch([status('extreme-poverty', 'granted', '2026-01-01'), enrolled({ basis: 'extreme-poverty', amountFen: 40000 })])).toEqual([]);
    expect(mismatch([monitored('sudden-hardship'), enrolled({ basis: 'monitored', amountFen: 15000 })])).toEqual([]);
  });

  it('asks no subsidy of 脱贫户 alone, who are in no tier', () => {
    expect(mismatch([monitored('poverty-alleviated'), enrolled(null)])).toEqual([]);
  });

  it('does not judge an enrolment stored before the hub read the subsidy', () => {
    const stored = enrolled(null) as Fact & { subsidyBasis?: unknown };
    delete stored.subsidyBasis;
    expect(mismatch([status('dibao', 'granted', '2026-03-01'), stored])).toEqual([]);
  });
});

describe('insurance gap (应保未保)', () => {
  const monitored = (from: string) =>
    fact(MONITORING, {
      householdNumber: household('farm', 'rural-revitalisation'),
      monitoringType: 'unstable-alleviated',
      change: 'monitoring-started',
      monitoringFrom: from,
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '杨梅', relationToHead: 'child' }],
    });

  it("is raised for each year a monitored household's member has no basic medical insurance, routed to Healthcare Security", () => {
    const found = of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('2025-06-01')]), { ...context, policy: { ...POLICY_2026, judgedFrom: null } }));
    expect(found.map((f) => [f.period, f.routedTo]).sort()).toEqual([
      ['2025', 'healthcare-security'],
      ['2026', 'healthcare-security'],
    ]);
  });

  it("judges no year before the policy's first judged day (2026-01-01): a member monitored since 2019 is a gap for 2026 only", () => {
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('2019-06-01')]), context)).map((f) => f.period)).toEqual(['2026']);
  });

  it('closes for a year once the enrolment is recorded', () => {
    const open = of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('2026-01-15')]), context));
    const insured = fact(INSURANCE, { idNumber: STUDENT, year: 2026, status: 'enrolled', insuranceType: 'basic-medical' });
    const changes = reconcile(open, of('insurance-gap', evaluatePerson(viewOf(STUDENT, [monitored('2026-01-15'), insured]), context)), [insured.evidence]);
    expect(changes.map((c) => [c.change, c.finding.period])).toEqual([['closed', '2026']]);
  });

  it('is not raised for a category the insurance policy leaves out (低保边缘 under policy 1.1.0)', () => {
    expect(of('insurance-gap', evaluatePerson(viewOf(STUDENT, [status('marginal-low-income', 'granted', '2026-03-01')]), { ...context, policy: POLICY_1_1 }))).toEqual([]);
  });
});
