/**
 * 漏助, missed student aid, policy 1.2.0. Sources (see ../../../shared/policy-review.md §1.1):
 * - 教财〔2018〕16号: the priority groups of 家庭经济困难学生认定 (建档立卡/脱贫, 低保, 特困供养, 孤残,
 *   烈士子女, 家庭经济困难残疾人子女); 认定 once a school year, adjusted in term.
 * - 全国学生资助管理中心 (reply on 中国政府网): the national system compares 学籍 and 监护人 data with 13
 *   categories, 低保边缘家庭成员 among them.
 * - 国办 2023 意见 on 低收入人口动态监测 and 分层分类社会救助: education assistance extends to the 低收入 tiers.
 */
import { asKnownAt, evaluatePerson, findingId, POLICY_1_1, POLICY_2026, reconcile, type Fact, type Finding, type Policy } from '@hub/precise-aid';
import { aid, aidItem, CERTIFICATE, enrolment, ENROLMENT, enrolmentV2, fact, FATHER, HOME, household, householdV2, MONITORING, person, status, STUDENT, viewOf } from './scenario.js';

// After the autumn term's payment deadline (12-31): before it the term is not judged.
const context = { policy: POLICY_2026, until: '2027-01-05' };
const missed = (findings: Finding[]) => findings.filter((f) => f.rule === 'missed-student-aid');

describe('missed student aid (漏助)', () => {
  it('is raised for a student enrolled for a term whose household holds 低保 during it and who got no aid, citing both events', () => {
    const facts = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const [found, ...more] = missed(evaluatePerson(viewOf(STUDENT, facts), context));
    expect(more).toEqual([]);
    expect(found).toMatchObject({ rule: 'missed-student-aid', ruleVersion: POLICY_2026.version, subject: STUDENT, period: '2026-autumn', item: 'compulsory-living-subsidy', routedTo: 'education' });
    expect(found.findingId).toBe(findingId('missed-student-aid', POLICY_2026.version, STUDENT, '2026-autumn', 'compulsory-living-subsidy'));
    expect(found.evidence.map((e) => e.type).sort()).toEqual(['civil-affairs.household-status.changed.v1', 'education.student-enrolment.changed.v1']);
    expect(found.explanation).toMatch(/dibao from 2026-03-01/);
  });

  it('explains in Chinese first, in the words an officer uses (term, stage, group), with the English beside', () => {
    const [found] = missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')]), context));
    expect(found.explanation).toBe(
      '该生2026年秋季学期在读（义务教育），家庭为低保（自2026-03-01起），未发放义务教育家庭经济困难学生生活补助（截止2026-12-31）。 — The student is enrolled for 2026-autumn (compulsory) and entitled to compulsory-living-subsidy (dibao from 2026-03-01), and none is recorded for the term by its deadline 2026-12-31.',
    );
  });

  it('is not raised when aid is granted for the term', () => {
    expect(missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn'), aid('2026-autumn')]), context))).toEqual([]);
  });

  it('is not raised for a status that starts after the term', () => {
    expect(missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2027-02-01'), enrolment('2026-autumn')]), { ...context, until: '2027-03-01' }))).toEqual([]);
  });

  it("needs the status to hold on at least the policy's minimum days of the term (30): 12 days at the end do not count, 31 do", () => {
    const late = (from: string) => missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', from), enrolment('2026-autumn')]), { ...context, until: '2027-02-10' }));
    expect(late('2027-01-20')).toEqual([]);
    expect(late('2027-01-01')).toHaveLength(1);
  });

  it('counts 低保边缘, one of the 13 categories the national 资助 system compares (policy 1.2.0); policy 1.1.0 did not', () => {
    const facts = [status('marginal-low-income', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    expect(missed(evaluatePerson(viewOf(STUDENT, facts), context))).toMatchObject([{ ruleVersion: POLICY_2026.version }]);
    expect(missed(evaluatePerson(viewOf(STUDENT, facts), { ...context, policy: POLICY_1_1 }))).toEqual([]);
  });

  describe("a parent's disability certificate", () => {
    // The household's own status is not counted here, so only the parent's certificate can make the student eligible.
    const onlyDibao: Policy = { ...POLICY_2026, version: '1.2.0-only-dibao', studentAid: { ...POLICY_2026.studentAid, categories: ['dibao'] } };
    const parentWith = (category: string, grade: number) => [
      status('marginal-low-income', 'granted', '2026-03-01'),
      enrolment('2026-autumn'),
      fact(CERTIFICATE, { idNumber: FATHER, category, grade, change: 'issued', effectiveDate: '2025-11-03' }),
    ];

    it('counts a severe one, per policy', () => {
      expect(missed(evaluatePerson(viewOf(STUDENT, parentWith('physical', 2)), { ...context, policy: onlyDibao }))[0].explanation).toMatch(/parent-disability from 2025-11-03/);
      const withoutParents: Policy = { ...onlyDibao, studentAid: { ...onlyDibao.studentAid, disabilityOfParent: false } };
      expect(missed(evaluatePerson(viewOf(STUDENT, parentWith('physical', 2)), { ...context, policy: withoutParents }))).toEqual([]);
    });

    it("家庭经济困难残疾人子女 (教财〔2018〕16号): a parent's grade 4 肢体 certificate does not count; a grade 3 智力 one does", () => {
      expect(missed(evaluatePerson(viewOf(STUDENT, parentWith('physical', 4)), { ...context, policy: onlyDibao }))).toEqual([]);
      expect(missed(evaluatePerson(viewOf(STUDENT, parentWith('intellectual', 3)), { ...context, policy: onlyDibao }))).toHaveLength(1);
    });

    it('counted any certificate under policy 1.1.0', () => {
      const anyCertificate: Policy = { ...POLICY_1_1, studentAid: { ...POLICY_1_1.studentAid, categories: ['dibao'] } };
      expect(missed(evaluatePerson(viewOf(STUDENT, parentWith('physical', 4)), { ...context, policy: anyCertificate }))).toHaveLength(1);
    });
  });

  it('is not raised for a student who left before the term began', () => {
    expect(missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn'), enrolment('2026-autumn', 'left', '2026-08-20')]), context))).toEqual([]);
  });

  it('is not raised for a term that has not begun', () => {
    expect(missed(evaluatePerson(viewOf(STUDENT, [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')]), { ...context, until: '2026-08-31' }))).toEqual([]);
  });

  it('closes by itself when the aid is granted, citing the grant', () => {
    const before = [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')];
    const open = missed(evaluatePerson(viewOf(STUDENT, before), context));
    const grant = aid('2026-autumn', '2026-10-20T09:00:00Z');
    const changes = reconcile(open, missed(evaluatePerson(viewOf(STUDENT, [...before, grant]), context)), [grant.evidence]);
    expect(changes).toMatchObject([{ change: 'closed', finding: { findingId: open[0].findingId } }]);
    expect(changes[0].finding.evidence).toContainEqual(grant.evidence);
  });

  it('gives the same findings whatever order the events arrive in', () => {
    const facts = [status('dibao', 'granted', '2026-03-01', null, '2026-09-05T00:00:00Z'), status('dibao', 'revoked', '2026-10-01', null, '2026-09-01T00:00:00Z'), enrolment('2026-autumn')];
    const forwards = evaluatePerson(viewOf(STUDENT, facts), context);
    expect(evaluatePerson(viewOf(STUDENT, [...facts].reverse()), context)).toEqual(forwards);
  });

  it('is closed by a revocation back-dated before the term, and was raised as the hub knew things before it came', () => {
    const granted = status('dibao', 'granted', '2026-03-01', null, '2026-03-02T00:00:00Z');
    const revoked = status('dibao', 'revoked', '2026-08-01', null, '2026-10-15T00:00:00Z');
    const view = viewOf(STUDENT, [granted, revoked, enrolment('2026-autumn')]);
    expect(missed(evaluatePerson(view, context))).toEqual([]);
    expect(missed(evaluatePerson(asKnownAt(view, '2026-10-01T00:00:00Z'), context))).toHaveLength(1);
  });
});

/**
 * Per aid item (policy 1.2.0; ../../../shared/policy-review.md §1.1 table 2): 义务教育 生活补助 for
 * boarders and four groups of non-boarders (陕西日报 2019-10-31; a 2020s provincial rule); 普高 国家助学金
 * and 免学杂费 apart (e.g. 临沂, 济宁); 中职 免学费 near-universal, 国家助学金 for every 农村 student in
 * the 六盘山区 (中职国家助学金管理办法 Art. 3); 学前一年 free for all from autumn 2025 (国办发〔2025〕27号);
 * payment deadlines as a policy parameter (12-31 for autumn, 06-30 for spring).
 */
describe('missed student aid per item', () => {
  const items = (facts: Fact[], until = '2027-01-05') =>
    missed(evaluatePerson(viewOf(STUDENT, facts), { policy: POLICY_2026, until }))
      .map((f) => f.item)
      .sort();
  const dibao = status('dibao', 'granted', '2026-03-01');

  it('义务教育 非寄宿生: only the four groups, 农村 for 低保 and 特困 — an urban 低保 non-boarder is not raised, a rural one is', () => {
    expect(items([dibao, enrolmentV2('2026-autumn', 'compulsory', { boarding: false, residence: 'urban' })])).toEqual([]);
    expect(items([dibao, enrolmentV2('2026-autumn', 'compulsory', { boarding: false, residence: 'rural' })])).toEqual(['compulsory-living-subsidy']);
  });

  it('义务教育 非寄宿生: a 脱贫户 student is in the four groups, urban or rural', () => {
    const alleviated = fact(MONITORING, {
      householdNumber: household('farm', 'rural-revitalisation'),
      monitoringType: 'poverty-alleviated',
      change: 'monitoring-started',
      monitoringFrom: '2026-01-01',
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '杨', relationToHead: 'child' }],
    });
    expect(items([alleviated, enrolmentV2('2026-autumn', 'compulsory', { boarding: false, residence: 'urban' })])).toEqual(['compulsory-living-subsidy']);
  });

  it('义务教育 寄宿生: every counted group, urban 低保 included', () => {
    expect(items([dibao, enrolmentV2('2026-autumn', 'compulsory', { boarding: true, residence: 'urban' })])).toEqual(['compulsory-living-subsidy']);
  });

  it('普高: 国家助学金 and 免学杂费 are separate items — a rural 低保 student with only 免学杂费 is raised for the 国家助学金', () => {
    const enrolled = enrolmentV2('2026-autumn', 'senior-high', { boarding: false, residence: 'rural' });
    expect(items([dibao, enrolled])).toEqual(['senior-high-fee-waiver', 'senior-high-grant']);
    expect(items([dibao, enrolled, aidItem('2026-autumn', 'senior-high-fee-waiver')])).toEqual(['senior-high-grant']);
  });

  it('普高 免学杂费: an urban 低保 student is not in its list, though entitled to the 国家助学金', () => {
    expect(items([dibao, enrolmentV2('2026-autumn', 'senior-high', { boarding: false, residence: 'urban' })])).toEqual(['senior-high-grant']);
  });

  it("中职 国家助学金: every 农村 student in the 六盘山区, with no status; 免学费 (near-universal) is nobody's finding", () => {
    expect(items([enrolmentV2('2026-autumn', 'secondary-vocational', { boarding: false, residence: 'rural', regionCode: '640422' })])).toEqual(['vocational-grant']);
    expect(items([enrolmentV2('2026-autumn', 'secondary-vocational', { boarding: false, residence: 'rural', regionCode: '640104' })])).toEqual([]);
  });

  it('学前一年免保教费 is universal: a preschool child of a 低保 family is raised only for 学前教育资助', () => {
    expect(items([dibao, enrolmentV2('2026-autumn', 'preschool', { boarding: false, residence: 'rural' })])).toEqual(['preschool-subsidy']);
  });

  it('学前教育资助: for children in 公办 and 普惠性民办 kindergartens — a 低保 child in another private one is not raised', () => {
    expect(items([dibao, enrolmentV2('2026-autumn', 'preschool', { boarding: false, residence: 'urban', kindergartenType: 'inclusive-private' })])).toEqual(['preschool-subsidy']);
    expect(items([dibao, enrolmentV2('2026-autumn', 'preschool', { boarding: false, residence: 'urban', kindergartenType: 'private' })])).toEqual([]);
  });

  it("is judged only after the item's payment deadline: not on 2026-12-31, from 2027-01-01", () => {
    const facts = [dibao, enrolmentV2('2026-autumn', 'compulsory', { boarding: true, residence: 'rural' })];
    expect(items(facts, '2026-12-31')).toEqual([]);
    expect(items(facts, '2027-01-01')).toEqual(['compulsory-living-subsidy']);
  });

  it('reads a version 1 enrolment, which states no qualifiers, as a boarder with 农村 户口', () => {
    expect(items([dibao, enrolment('2026-autumn')])).toEqual(['compulsory-living-subsidy']);
  });
});

/**
 * The statuses of the household contract version 2 (policy-review.md §3, civil-affairs): 孤儿 and
 * 事实无人抚养 are the child's own status, not the household's; 低保 can be suspended (暂停) and
 * resumed; 刚性支出困难家庭 are one of the 低收入 tiers the 资助 comparison counts.
 */
describe('missed student aid on household records of version 2', () => {
  const COUSIN = person('cousin');
  const judged = (subject: string, facts: Fact[]) => missed(evaluatePerson(viewOf(subject, facts), context)).map((f) => f.subject);
  const enrolled = (subject: string) => fact(ENROLMENT, { idNumber: subject, term: '2026-autumn', change: 'enrolled', effectiveDate: '2026-09-01' });

  it("counts 孤儿 for the orphan only: the cousin in the same grandparent's household is not made eligible by it", () => {
    const home = householdV2('marginal-low-income', 'granted', '2026-03-01', [
      { idNumber: FATHER, relationToHead: 'head' },
      { idNumber: STUDENT, relationToHead: 'grandchild', personalStatus: 'orphan' },
      { idNumber: COUSIN, relationToHead: 'grandchild' },
    ]);
    const onlyOrphans: Policy = { ...POLICY_2026, studentAid: { ...POLICY_2026.studentAid, categories: ['orphan'] } };
    const ofPolicy = (subject: string) => missed(evaluatePerson(viewOf(subject, [home, enrolled(subject)]), { ...context, policy: onlyOrphans })).map((f) => f.explanation);
    expect(ofPolicy(STUDENT)).toEqual([expect.stringContaining('orphan from 2026-03-01')]);
    expect(ofPolicy(COUSIN)).toEqual([]);
  });

  it('ends a 低保 from its suspension (暂停), before the term: no finding', () => {
    const facts = [
      householdV2('dibao', 'granted', '2026-03-01', [{ idNumber: STUDENT, relationToHead: 'child' }]),
      householdV2('dibao', 'suspended', '2026-08-01', [{ idNumber: STUDENT, relationToHead: 'child' }]),
      enrolled(STUDENT),
    ];
    expect(judged(STUDENT, facts)).toEqual([]);
  });

  it('counts 刚性支出困难家庭', () => {
    expect(judged(STUDENT, [householdV2('rigid-expenditure', 'granted', '2026-03-01', [{ idNumber: STUDENT, relationToHead: 'child' }]), enrolled(STUDENT)])).toEqual([STUDENT]);
  });

  const onlyOrphans: Policy = { ...POLICY_2026, studentAid: { ...POLICY_2026.studentAid, categories: ['orphan'] } };
  const orphanFindings = (subject: string, facts: Fact[]) => missed(evaluatePerson(viewOf(subject, [...facts, enrolled(subject)]), { ...context, policy: onlyOrphans })).map((f) => f.subject);

  it('counts 孤儿 for each orphan of a household: two siblings both', () => {
    const home = householdV2('marginal-low-income', 'granted', '2026-03-01', [
      { idNumber: STUDENT, relationToHead: 'grandchild', personalStatus: 'orphan' },
      { idNumber: COUSIN, relationToHead: 'grandchild', personalStatus: 'orphan' },
    ]);
    expect(orphanFindings(STUDENT, [home])).toEqual([STUDENT]);
    expect(orphanFindings(COUSIN, [home])).toEqual([COUSIN]);
  });

  it("ends a child's 孤儿 status when a renewal of the household no longer lists it (adopted), and only that child's", () => {
    const facts = [
      householdV2('marginal-low-income', 'granted', '2026-03-01', [
        { idNumber: STUDENT, relationToHead: 'grandchild', personalStatus: 'orphan' },
        { idNumber: COUSIN, relationToHead: 'grandchild', personalStatus: 'orphan' },
      ]),
      householdV2('marginal-low-income', 'renewed', '2026-06-01', [
        { idNumber: STUDENT, relationToHead: 'grandchild' },
        { idNumber: COUSIN, relationToHead: 'grandchild', personalStatus: 'orphan' },
      ]),
    ];
    expect(orphanFindings(STUDENT, facts)).toEqual([]);
    expect(orphanFindings(COUSIN, facts)).toEqual([COUSIN]);
  });

  it('单人保: a member the status does not cover (共同生活成员) is not eligible by it; the member it covers is', () => {
    const home = householdV2('dibao', 'granted', '2026-03-01', [
      { idNumber: FATHER, relationToHead: 'head', covered: true },
      { idNumber: STUDENT, relationToHead: 'child', covered: false },
    ]);
    expect(judged(STUDENT, [home, enrolled(STUDENT)])).toEqual([]);
    expect(judged(FATHER, [home, enrolled(FATHER)])).toEqual([FATHER]);
  });

  it("义务教育 非寄宿生 农村低保: the 城乡 of the 低保 decides when its record says, not the student's 户口", () => {
    const dibao = (area: 'rural' | 'urban') => householdV2('dibao', 'granted', '2026-03-01', [{ idNumber: STUDENT, relationToHead: 'child' }], HOME, area);
    const nonBoarder = (residence: 'rural' | 'urban') => enrolmentV2('2026-autumn', 'compulsory', { boarding: false, residence });
    expect(judged(STUDENT, [dibao('urban'), nonBoarder('rural')])).toEqual([]);
    expect(judged(STUDENT, [dibao('rural'), nonBoarder('urban')])).toEqual([STUDENT]);
  });
});
