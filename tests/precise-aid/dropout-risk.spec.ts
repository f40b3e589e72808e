/**
 * 控辍保学, policy 1.3.0. Sources (see ../../../shared/policy-review.md §2.2):
 * - 义务教育法: nine years of compulsory education.
 * - 教育部办公厅 2024 控辍保学 常态化机制, 四查三比对 (人民日报 2024-04-30): 户籍 vs 学籍 (out of school),
 *   学籍 vs 在校 (dropouts), dropouts vs the 脱贫户 database; 孤儿, 事实无人抚养, 残疾, 留守 and 困境
 *   children are the named focus groups, and 劝返 or 送教上门 the answers.
 */
import { evaluatePerson, POLICY_1_2, POLICY_2026, type Fact, type Finding } from '@hub/precise-aid';
import { CERTIFICATE, ENROLMENT_V2, fact, status, STUDENT, viewOf } from './scenario.js';

const dropouts = (facts: Fact[], until: string, policy = POLICY_2026): Finding[] => evaluatePerson(viewOf(STUDENT, facts), { policy, until }).filter((f) => f.rule === 'dropout-risk');
const school = (term: string, change: string, effectiveDate: string, grade = 7, stage = 'compulsory') =>
  fact(ENROLMENT_V2, { idNumber: STUDENT, term, stage, grade, change, effectiveDate, boarding: false, residence: 'rural' });
const dibao = status('dibao', 'granted', '2026-01-01');
const inSpring = school('2026-spring', 'enrolled', '2026-02-15');

describe('控辍保学 (dropout-risk)', () => {
  it('学籍 vs 在校: a 低保 pupil enrolled in spring and not for autumn is raised once 30 days of the autumn term have passed (2026-10-01), not before', () => {
    expect(dropouts([dibao, inSpring], '2026-09-30')).toEqual([]);
    const [found, ...more] = dropouts([dibao, inSpring], '2026-10-01');
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: STUDENT, period: '2026-autumn', routedTo: 'education', ruleVersion: POLICY_2026.version });
    expect(found!.explanation).toMatch(/^该生（义务教育7年级，低保）2026年春季学期在读，2026年秋季学期未见注册学籍，已逾30天：请核查并劝返或送教上门（控辍保学）。/);
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
});
