/**
 * 控辍保学, policy 1.3.0. Sources (see ../../../shared/policy-review.md §2.2):
 * - 义务教育法: nine years of compulsory education.
 * - 教育部办公厅 2024 控辍保学 常态化机制, 四查三比对 (人民日报 2024-04-30): 户籍 vs 学籍 (out of school),
 *   学籍 vs 在校 (dropouts), dropouts vs the 脱贫户 database; 孤儿, 事实无人抚养, 残疾, 留守 and 困境
 *   children are the named focus groups, and 劝返 or 送教上门 the answers.
 * - 义务教育法 第十一条: 凡年满六周岁的儿童 ... 应当送其入学; 国办发〔2017〕72号: 适龄儿童少年 never enrolled
 *   are found too (policy 1.4.0), by the school entry year the gateway derives from the identity number.
 */
import { evaluatePerson, nextReviewDate, POLICY_1_2, POLICY_1_3, POLICY_2026, type Fact, type Finding } from '@hub/precise-aid';
import { CERTIFICATE, ENROLMENT_V2, FATHER, fact, householdV2, status, STUDENT, viewOf } from './scenario.js';

const dropouts = (facts: Fact[], until: string, policy = POLICY_2026): Finding[] => evaluatePerson(viewOf(STUDENT, facts), { policy, until }).filter((f) => f.rule === 'dropout-risk');
const school = (term: string, change: string, effectiveDate: string, grade = 7, stage = 'compulsory') =>
  fact(ENROLMENT_V2, { idNumber: STUDENT, term, stage, grade, change, effectiveDate, boarding: false, residence: 'rural' });
const dibao = status('dibao', 'granted', '2026-01-01');
const periods = (findings: Finding[]) => findings.map((f) => f.period).sort();
const inSpring = school('2026-spring', 'enrolled', '2026-02-15');

describe('控辍保学 (dropout-risk)', () => {
  it('学籍 vs 在校: a 低保 pupil enrolled in spring and not for autumn is raised once 30 days of the autumn term have passed (2026-10-01), not before', () => {
    expect(dropouts([dibao, inSpring], '2026-09-30')).toEqual([]);
    const [found, ...more] = dropouts([dibao, inSpring], '2026-10-01');
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: STUDENT, period: '2026-autumn', routedTo: 'education', ruleVersion: POLICY_2026.version });
    expect(found.explanation).toMatch(/^该生（义务教育7年级，低保）2026年春季学期在读，2026年秋季学期未见注册学籍，已逾30天：请核查并劝返或送教上门（控辍保学）。/);
  });

  it('辍学 during a term is raised 30 days after it, and closes when the pupil is back (复学)', () => {
    const facts = [dibao, inSpring, school('2026-autumn', 'enrolled', '2026-09-01'), school('2026-autumn', 'dropped-out', '2026-10-15')];
    expect(dropouts(facts, '2026-11-13')).toEqual([]);
    expect(dropouts(facts, '2026-11-14').map((f) => f.explanation)).toEqual([expect.stringContaining('2026年秋季学期自2026-10-15起辍学，已逾30天')]);
    expect(dropouts([...facts, school('2026-autumn', 'resumed', '2026-11-20')], '2026-12-01')).toEqual([]);
  });

  it('休学 with no 复学 is raised as well: 送教上门 may be the answer', () => {
    const facts = [dibao, school('2026-autumn', 'enrolled', '2026-09-01'), school('2026-autumn', 'suspended', '2026-09-20')];
    expect(dropouts(facts, '2026-11-01').map((f) => f.explanation)).toEqual([expect.stringContaining('休学')]);
  });

  it('转出 then 转入 at another school is not raised; 转出 with no 转入 is', () => {
    const out = [dibao, school('2026-autumn', 'enrolled', '2026-09-01'), school('2026-autumn', 'transferred-out', '2026-09-20')];
    expect(dropouts([...out, school('2026-autumn', 'transferred-in', '2026-09-25')], '2026-12-01')).toEqual([]);
    expect(dropouts(out, '2026-12-01').map((f) => f.explanation)).toEqual([expect.stringContaining('转出后未见转入')]);
  });

  it('义务教育 is nine grades: a grade 9 pupil in spring has completed it and is not expected back', () => {
    expect(dropouts([dibao, school('2026-spring', 'enrolled', '2026-02-15', 9)], '2026-12-01')).toEqual([]);
  });

  it('毕业 and 死亡 end the schooling: not raised', () => {
    expect(dropouts([dibao, inSpring, school('2026-spring', 'graduated', '2026-07-10')], '2026-12-01')).toEqual([]);
    expect(dropouts([dibao, school('2026-autumn', 'enrolled', '2026-09-01'), school('2026-autumn', 'deceased', '2026-09-20')], '2026-12-01')).toEqual([]);
  });

  it('follows only the focus groups: a pupil of no assisted or monitored household and with no certificate is not raised', () => {
    expect(dropouts([inSpring], '2026-12-01')).toEqual([]);
  });

  it('follows 残疾儿童少年: a certificate holder out of school is raised, whatever the household', () => {
    const certificate = fact(CERTIFICATE, { idNumber: STUDENT, grade: 3, category: 'physical', change: 'issued', effectiveDate: '2025-05-01' });
    expect(dropouts([certificate, inSpring], '2026-12-01')).toHaveLength(1);
  });

  it('is not a check of policy 1.2.0', () => {
    expect(dropouts([dibao, inSpring], '2026-12-01', POLICY_1_2)).toEqual([]);
  });

  describe('适龄未入学: a child of school age whom no school has enrolled (policy 1.4.0)', () => {
    /** A 低保 household (since 2025-03-01) whose child the gateway says is to start school in the autumn of `entryYear`. */
    const dibaoChild = (entryYear: number): Fact => {
      const household = householdV2('dibao', 'granted', '2025-03-01', [
        { idNumber: FATHER, relationToHead: 'head' },
        { idNumber: STUDENT, relationToHead: 'child' },
      ]);
      if (household.kind !== 'household-status') throw new Error('not a household fact');
      return { ...household, members: household.members.map((m) => (m.person === STUDENT ? { ...m, schoolEntryYear: entryYear } : m)) };
    };

    it('户籍 vs 学籍: a 低保 child of grade 3 age whom no school has enrolled is raised for each term that began since the policy judges (2026-01-01), 30 days into it', () => {
      const found = dropouts([dibaoChild(2024)], '2026-12-01');
      expect(periods(found)).toEqual(['2026-autumn', '2026-spring']);
      const autumn = found.find((f) => f.period === '2026-autumn');
      expect(autumn!.explanation).toMatch(/^该儿童（低保）2024年秋季适龄入学，2026年秋季学期应读义务教育3年级，未见任何学校注册学籍，已逾30天：请核查是否失学并劝返入学，或送教上门（控辍保学）。/);
      expect(autumn).toMatchObject({ subject: STUDENT, routedTo: 'education', ruleVersion: POLICY_2026.version });
    });

    it('is raised only once the grace days of the term have passed', () => {
      expect(dropouts([dibaoChild(2026)], '2026-09-30')).toEqual([]);
      expect(dropouts([dibaoChild(2026)], '2026-10-01').map((f) => f.period)).toEqual(['2026-autumn']);
    });

    it('a child not yet of school age, or past the nine grades, is not raised', () => {
      expect(dropouts([dibaoChild(2027)], '2026-12-01')).toEqual([]);
      expect(dropouts([dibaoChild(2016)], '2026-12-01')).toEqual([]);
    });

    it('an enrolment at any school, in any stage, ends it from that term on (the terms after are the other check: not back)', () => {
      expect(periods(dropouts([dibaoChild(2024), school('2026-autumn', 'enrolled', '2026-09-01', 3, 'preschool')], '2026-12-01'))).toEqual(['2026-spring']);
      const inSpring = school('2026-spring', 'enrolled', '2026-02-15', 2);
      expect(dropouts([dibaoChild(2024), inSpring], '2026-12-01').map((f) => [f.period, f.explanation.slice(0, 3)])).toEqual([['2026-autumn', '该生（']]);
    });

    it('a child of school age of no followed household is not raised', () => {
      const child = dibaoChild(2024);
      expect(dropouts([{ ...child, category: 'none-such' } as Fact], '2026-12-01')).toEqual([]);
    });

    it('is not a check of policy 1.3.0', () => {
      expect(dropouts([dibaoChild(2024)], '2026-12-01', POLICY_1_3)).toEqual([]);
    });

    it('the crosscheck judges the child again when the grace days of the term have passed', () => {
      expect(nextReviewDate(viewOf(STUDENT, [dibaoChild(2026)]), POLICY_2026, '2026-09-15')).toBe('2026-10-01');
    });
  });
});
