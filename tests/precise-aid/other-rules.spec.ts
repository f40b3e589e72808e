import { evaluatePerson, POLICY_1_3, POLICY_2026, reconcile, type Fact, type Finding } from '@hub/precise-aid';
import { aid, aidItem, enrolment, enrolmentV2, fact, household, HOUSEHOLD, MONITORING, person, status, STUDENT, viewOf } from './scenario.js';

const context = { policy: POLICY_2026, until: '2026-12-01' };
const of = (rule: string, findings: Finding[]) => findings.filter((f) => f.rule === rule);

/**
 * 错助 risk per aid item (policy 1.2.0; ../../../shared/policy-review.md §1.2): universal items never;
 * need-tested items legitimately reach students with no status the hub sees (school 认定 weighs income,
 * 突发状况, family burden), so only a status that ended before the term is a signal; a closed-list
 * item (普高 免学杂费) paid to a student in none of its groups is.
 */
describe('aid without known eligibility (错助 risk)', () => {
  const wrongly = (facts: Fact[]) => of('aid-without-eligibility', evaluatePerson(viewOf(STUDENT, facts), context));

  it("is raised for a need-tested item paid for a term the household's status was revoked before, for review", () => {
    const [found, ...more] = wrongly([status('dibao', 'granted', '2026-03-01'), status('dibao', 'revoked', '2026-07-01'), enrolment('2026-autumn'), aid('2026-autumn')]);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: STUDENT, period: '2026-autumn', item: 'compulsory-living-subsidy', routedTo: 'education' });
    expect(found.explanation).toMatch(/dibao 2026-03-01 to 2026-06-30.*do not cover the term. For review/);
  });

  it('is not raised for a need-tested item paid with no status known: schools find need the hub cannot see', () => {
    expect(wrongly([enrolment('2026-autumn'), aid('2026-autumn')])).toEqual([]);
  });

  it('is raised for a closed-list item paid to a student in none of its groups, naming the item once however often it was paid, and citing every payment', () => {
    const grants = [aidItem('2026-autumn', 'senior-high-fee-waiver'), aidItem('2026-autumn', 'senior-high-fee-waiver'), aidItem('2026-autumn', 'senior-high-fee-waiver')];
    const [found, ...more] = wrongly([enrolmentV2('2026-autumn', 'senior-high', { boarding: false, residence: 'rural' }), ...grants]);
    expect(more).toEqual([]);
    expect(found.explanation).toMatch(
      /^2026年秋季学期已发放普通高中免学杂费，该项目仅限特定群体，但未掌握该生家庭的任何救助身份，请复核。 — Aid \(senior-high-fee-waiver\) is recorded for 2026-autumn, but no status of the household is known/,
    );
    expect(found.evidence.map((e) => e.eventId)).toEqual(grants.map((g) => g.evidence.eventId));
  });

  it('is raised for 普高 免学杂费 paid to an urban 低保 student: the list names 农村 低保', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolmentV2('2026-autumn', 'senior-high', { boarding: false, residence: 'urban' }), aidItem('2026-autumn', 'senior-high-fee-waiver')];
    expect(wrongly(facts).map((f) => f.item)).toEqual(['senior-high-fee-waiver']);
  });

  it('is never raised for a universal item (中职 免学费, 营养膳食补助, 学前一年免保教费)', () => {
    const paid = ['vocational-tuition-waiver', 'compulsory-nutrition', 'preschool-final-year-free'].map((item) => aidItem('2026-autumn', item));
    expect(wrongly(paid)).toEqual([]);
  });

  it('is not raised when the household holds an eligible status in the term', () => {
    expect(wrongly([status('dibao', 'granted', '2026-03-01'), aid('2026-autumn')])).toEqual([]);
  });
});

describe('data quality', () => {
  it('flags a person listed in two Civil Affairs households at once, to Civil Affairs', () => {
    const other = fact(HOUSEHOLD, {
      householdNumber: household('other'),
      category: 'dibao',
      change: 'granted',
      effectiveFrom: '2026-05-01',
      effectiveTo: null,
      members: [{ idNumber: STUDENT, name: '马小军', relationToHead: 'grandchild' }],
    });
    const [found] = of('data-quality', evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), other]), context));
    expect(found).toMatchObject({ subject: STUDENT, period: '2026-05-01', routedTo: 'civil-affairs' });
  });

  it('does not flag one household listed by two departments', () => {
    const monitored = fact(MONITORING, {
      householdNumber: household('home', 'rural-revitalisation'),
      monitoringType: 'unstable-alleviated',
      change: 'monitoring-started',
      monitoringFrom: '2026-01-15',
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '马小军', relationToHead: 'child' }],
    });
    expect(of('data-quality', evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), monitored]), context))).toEqual([]);
  });

  it('社会救助暂行办法: 特困 and 低保 exclude each other — a 转特困 that did not end the 低保 is flagged from the day both hold, to Civil Affairs', () => {
    const [found, ...more] = of('data-quality', evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), status('extreme-poverty', 'granted', '2026-07-01')]), context));
    expect(more).toEqual([]);
    expect(found).toMatchObject({ period: '2026-07-01', routedTo: 'civil-affairs' });
    expect(found.explanation).toMatch(/^该人员自2026-07-01起同时享受低保和特困/);
  });

  it('does not flag a 转特困 that ended the 低保 the day before', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), status('dibao', 'revoked', '2026-07-01'), status('extreme-poverty', 'granted', '2026-07-01')];
    expect(of('data-quality', evaluatePerson(viewOf(STUDENT, facts), context))).toEqual([]);
  });

  it('学校标识码: flags an enrolment whose school type does not teach its stage (普通高中 at a 小学), per term, to Education', () => {
    const atPrimary = fact('education.student-enrolment.changed.v1', {
      idNumber: STUDENT,
      stage: 'senior-high',
      grade: 1,
      schoolCode: '2164010401',
      term: '2026-autumn',
      change: 'enrolled',
      effectiveDate: '2026-09-01',
    });
    const [found, ...more] = of('data-quality', evaluatePerson(viewOf(STUDENT, [atPrimary]), context));
    expect(more).toEqual([]);
    expect(found).toMatchObject({ period: '2026-autumn', routedTo: 'education' });
    const atHighSchool = fact('education.student-enrolment.changed.v1', {
      idNumber: STUDENT,
      stage: 'senior-high',
      grade: 1,
      schoolCode: '3464010401',
      term: '2026-autumn',
      change: 'enrolled',
      effectiveDate: '2026-09-01',
    });
    expect(of('data-quality', evaluatePerson(viewOf(STUDENT, [atHighSchool]), context))).toEqual([]);
  });
});

/** Age vs stage (policy 1.4.0): 义务教育法 第十一条 (school at six), the grade the school entry year gives, within the policy's allowance. */
describe('data quality: age vs stage', () => {
  /** An enrolment of a pupil the gateway says started school in the autumn of `entryYear`. */
  const enrolledAt = (entryYear: number, term: string, stage: string, grade: number): Fact => {
    const made = fact('education.student-enrolment.changed.v2', {
      idNumber: STUDENT,
      stage,
      grade,
      term,
      change: 'enrolled',
      effectiveDate: term.endsWith('-spring') ? `${term.slice(0, 4)}-02-15` : `${term.slice(0, 4)}-09-01`,
      schoolCode: stage === 'compulsory' ? '2164010401' : '3464010401',
    });
    return { ...made, schoolEntryYear: entryYear } as Fact;
  };
  const flagged = (facts: Fact[]) => of('data-quality', evaluatePerson(viewOf(STUDENT, facts), context));

  it('flags a grade more than three years behind the one the entry year gives, per enrolment record, to Education', () => {
    const [found, ...more] = flagged([enrolledAt(2018, '2026-autumn', 'compulsory', 4)]);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: STUDENT, period: '2026-09-01', routedTo: 'education' });
    expect(found.explanation).toMatch(/^2026年秋季学期学籍为义务教育4年级，按公民身份号码应于2018年秋季入学、本学期应读义务教育9年级，滞后5个年级，请核实学籍信息（年龄与学段不符）。/);
  });

  it('flags a grade more than one year ahead: a six-year-old recorded in 普通高中', () => {
    expect(flagged([enrolledAt(2026, '2026-autumn', 'senior-high', 1)]).map((f) => f.explanation)).toEqual([expect.stringContaining('超前9个年级')]);
  });

  it('allows a year ahead and up to three behind (late entry, repeated years, 残疾儿童 who enter late)', () => {
    expect(flagged([enrolledAt(2025, '2026-autumn', 'compulsory', 3)])).toEqual([]);
    expect(flagged([enrolledAt(2018, '2026-autumn', 'compulsory', 6)])).toEqual([]);
    expect(flagged([enrolledAt(2017, '2026-autumn', 'senior-high', 1)])).toEqual([]);
  });

  it('reads a spring term as the end of the school year begun the autumn before', () => {
    expect(flagged([enrolledAt(2024, '2026-spring', 'compulsory', 2)])).toEqual([]);
    expect(flagged([enrolledAt(2024, '2026-spring', 'compulsory', 4)])).toHaveLength(1);
  });

  it('is not a check of policy 1.3.0, nor of an enrolment with no entry year (contract version 1 derives none)', () => {
    expect(of('data-quality', evaluatePerson(viewOf(STUDENT, [enrolledAt(2018, '2026-autumn', 'compulsory', 1)]), { ...context, policy: POLICY_1_3 }))).toEqual([]);
    expect(flagged([enrolment('2026-autumn')])).toEqual([]);
  });
});

describe('reconciling findings', () => {
  it('judges the same whatever order a store hands the facts over in', () => {
    const other = fact(HOUSEHOLD, {
      householdNumber: household('other'),
      category: 'marginal-low-income',
      change: 'granted',
      effectiveFrom: '2026-05-01',
      effectiveTo: null,
      members: [{ idNumber: STUDENT, name: '马小军', relationToHead: 'head' }],
    });
    const facts = [status('dibao', 'granted', '2026-03-01'), other, enrolment('2026-autumn')];
    const found = evaluatePerson(viewOf(STUDENT, facts), context);
    expect(of('data-quality', found)).toHaveLength(1);
    expect(evaluatePerson(viewOf(STUDENT, [...facts].reverse()), context)).toEqual(found);
  });

  it('changes nothing when the same facts are evaluated again (redelivery, restart)', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const first = evaluatePerson(viewOf(STUDENT, facts), context);
    expect(reconcile(first, evaluatePerson(viewOf(STUDENT, facts), context), [])).toEqual([]);
  });

  it('changes nothing for an open finding read back with the keys of its evidence in another order (jsonb keeps its own)', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const found = evaluatePerson(viewOf(STUDENT, facts), context);
    const readBack = found.map((f) => ({ ...f, evidence: f.evidence.map(({ eventId, source, type, knownAt }) => ({ knownAt, type, source, eventId })) }));
    expect(found.length).toBeGreaterThan(0);
    expect(reconcile(readBack, found, [])).toEqual([]);
  });

  it('updates a finding whose evidence grew, under the same id', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const first = evaluatePerson(viewOf(STUDENT, facts), context);
    const renewed = status('dibao', 'renewed', '2026-09-01');
    const changes = reconcile(first, evaluatePerson(viewOf(STUDENT, [...facts, renewed]), context), [renewed.evidence]);
    expect(changes.map((c) => c.change)).toContain('updated');
    expect(changes.every((c) => first.some((f) => f.findingId === c.finding.findingId))).toBe(true);
  });

  it("keeps persons apart: another student's facts change nothing for this one", () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const alone = evaluatePerson(viewOf(STUDENT, facts), context);
    const stranger = fact('education.student-enrolment.changed.v1', { idNumber: person('stranger'), term: '2026-autumn' });
    expect(evaluatePerson(viewOf(STUDENT, [...facts, stranger]), context)).toEqual(alone);
  });
});
