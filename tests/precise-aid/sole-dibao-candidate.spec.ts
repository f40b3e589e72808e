/**
 * 重度残疾人单人保 candidates, policy 1.3.0. Sources (see ../../../shared/policy-review.md §2, cheap checks):
 * - 国办 2023 意见 on 低收入人口动态监测 and 分层分类社会救助: 低保边缘家庭中的重病、重度残疾人 may be taken
 *   into basic living assistance on their own (单人保), on application.
 * - 重度 as Ningxia's 护理补贴 scope: grades 1-2 of every category, 智力 and 精神 of every grade.
 */
import { evaluatePerson, POLICY_1_2, POLICY_2026, type Fact, type Finding } from '@hub/precise-aid';
import { CERTIFICATE, fact, FATHER, householdV2, STUDENT, viewOf } from './scenario.js';

const candidates = (facts: Fact[], policy = POLICY_2026): Finding[] => evaluatePerson(viewOf(FATHER, facts), { policy, until: '2026-12-01' }).filter((f) => f.rule === 'sole-dibao-candidate');
const certificate = (grade: number, category = 'physical') => fact(CERTIFICATE, { idNumber: FATHER, grade, category, change: 'issued', effectiveDate: '2026-01-10' });
const household = (category: string, change = 'granted', effectiveFrom = '2026-03-01', covered = true) =>
  householdV2(category, change, effectiveFrom, [
    { idNumber: FATHER, relationToHead: 'head', covered },
    { idNumber: STUDENT, relationToHead: 'child', covered: true },
  ]);

describe('重度残疾人单人保 candidates (sole-dibao-candidate)', () => {
  it('raises a grade 1 certificate holder in a 低保边缘 household, not in 低保, once for the year, to Civil Affairs', () => {
    const [found, ...more] = candidates([certificate(1), household('marginal-low-income')]);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: FATHER, period: '2026', routedTo: 'civil-affairs' });
    expect(found.explanation).toMatch(/^该人员持有重度残疾人证（自2026-01-10起），所在家庭为低保边缘（自2026-03-01起），2026-03-01起本人未纳入低保/);
  });

  it('counts 刚性支出困难家庭 like 低保边缘', () => {
    expect(candidates([certificate(2), household('rigid-expenditure')])).toHaveLength(1);
  });

  it('重度 as the care subsidy says: a grade 3 智力 certificate is, a grade 3 肢体 one is not', () => {
    expect(candidates([certificate(3, 'intellectual'), household('marginal-low-income')])).toHaveLength(1);
    expect(candidates([certificate(3, 'physical'), household('marginal-low-income')])).toEqual([]);
  });

  it('is not raised for a person already in 低保 on their own (单人保) the whole time', () => {
    const sole = householdV2('dibao', 'granted', '2026-03-01', [{ idNumber: FATHER, relationToHead: 'head' }], 'p1.civil-affairs-household-number.sole000000000000000000000000000000000000');
    expect(candidates([certificate(1), household('marginal-low-income'), sole])).toEqual([]);
  });

  it('is not raised for a member the 低保边缘 does not cover', () => {
    expect(candidates([certificate(1), household('marginal-low-income', 'granted', '2026-03-01', false)])).toEqual([]);
  });

  it('is not a check of policy 1.2.0', () => {
    expect(candidates([certificate(1), household('marginal-low-income')], POLICY_1_2)).toEqual([]);
  });
});
