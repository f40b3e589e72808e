/**
 * 因病返贫致贫 early warning, policy 1.3.0. Sources (see ../../../shared/policy-review.md §2.1):
 * - 国家医保局《关于坚决守牢防止规模性返贫底线健全完善防范化解因病返贫致贫长效机制的通知》: 医保 finds persons
 *   with high self-paid costs and pushes them to the departments for 监测 and assistance.
 * - 国办发〔2021〕42号: 因病致贫重病患者 are a medical-assistance tier; 民政部 (中新网 2023-10-25): the
 *   低收入人口 platform warns of risks by comparing data.
 * - The threshold many provinces use: half the previous year's per-capita disposable income
 *   (Ningxia's figures in the policy are illustrative, to be confirmed).
 */
import { evaluatePerson, POLICY_1_2, POLICY_2026, type Fact, type Finding } from '@hub/precise-aid';
import { fact, household, MONITORING, status, STUDENT, viewOf } from './scenario.js';

const SETTLEMENT = 'healthcare-security.settlement.recorded.v1';
const risks = (facts: Fact[], until = '2026-12-01', policy = POLICY_2026): Finding[] => evaluatePerson(viewOf(STUDENT, facts), { policy, until }).filter((f) => f.rule === 'medical-cost-risk');
/** A settlement with what the person paid themselves, in yuan. */
const settled = (settledOn: string, selfPaidYuan: number) =>
  fact(SETTLEMENT, { idNumber: STUDENT, settledOn, selfPaidInScopeFen: selfPaidYuan * 100, selfPaidOutOfScopeFen: 0, medicalAssistanceFen: 0 });
// 2026's threshold: half of 2025's illustrative 17,800 yuan.
const costly = [settled('2026-02-10', 4000), settled('2026-05-20', 3000), settled('2026-08-03', 2000)];

describe('因病返贫致贫 early warning (medical-cost-risk)', () => {
  it("raises a person whose self-paid costs over twelve months pass half the previous year's income (8,900 yuan in 2026), at the settlement that crosses, to Rural Revitalisation", () => {
    const [found, ...more] = risks(costly);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ subject: STUDENT, period: '2026', routedTo: 'rural-revitalisation' });
    expect(found.explanation).toMatch(/^该人员截至2026-08-03的365天内医疗费用个人自付累计9,000元（3次结算），超过2025年人均可支配收入的50%（8,900元）/);
    expect(found.evidence).toHaveLength(3);
  });

  it('is not raised below the threshold', () => {
    expect(risks(costly.slice(0, 2))).toEqual([]);
  });

  it('sums a rolling window: costs more than twelve months apart do not add up', () => {
    expect(risks([settled('2025-06-01', 5000), settled('2026-07-01', 4500)], '2026-12-01')).toEqual([]);
  });

  it('is not raised for a person already monitored for a risk or assisted', () => {
    const monitored = fact(MONITORING, {
      householdNumber: household('farm', 'rural-revitalisation'),
      monitoringType: 'sudden-hardship',
      change: 'monitoring-started',
      monitoringFrom: '2026-01-01',
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '马', relationToHead: 'head' }],
    });
    expect(risks([monitored, ...costly])).toEqual([]);
    expect(risks([status('dibao', 'granted', '2026-01-01'), ...costly])).toEqual([]);
  });

  it('closes when the person is taken into monitoring after it (the loop closes)', () => {
    const takenIn = fact(MONITORING, {
      householdNumber: household('farm', 'rural-revitalisation'),
      monitoringType: 'sudden-hardship',
      change: 'monitoring-started',
      monitoringFrom: '2026-09-15',
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '马', relationToHead: 'head' }],
    });
    expect(risks(costly, '2026-09-14')).toHaveLength(1);
    expect(risks([takenIn, ...costly], '2026-09-20')).toEqual([]);
  });

  it('raises a 脱贫户 member all the same: 脱贫 alone is not monitoring for a risk', () => {
    const alleviated = fact(MONITORING, {
      householdNumber: household('farm', 'rural-revitalisation'),
      monitoringType: 'poverty-alleviated',
      change: 'monitoring-started',
      monitoringFrom: '2026-01-01',
      monitoringTo: null,
      members: [{ idNumber: STUDENT, name: '马', relationToHead: 'head' }],
    });
    expect(risks([alleviated, ...costly])).toHaveLength(1);
  });

  it('is not a check of policy 1.2.0', () => {
    expect(risks(costly, '2026-12-01', POLICY_1_2)).toEqual([]);
  });
});

/**
 * 医疗救助未享受, policy 1.3.0 (国办发〔2021〕42号: 医疗救助 for 一类 特困, 孤儿, 事实无人抚养; 二类 低保; 三类
 * 低保边缘 and the monitored at risk; on 政策范围内 self-pay, for 住院 and 门诊慢特病, applied in 一站式结算).
 */
describe('医疗救助 not applied (medical-assistance-missing)', () => {
  const assisted = (facts: Fact[], until = '2026-12-01'): Finding[] => evaluatePerson(viewOf(STUDENT, facts), { policy: POLICY_2026, until }).filter((f) => f.rule === 'medical-assistance-missing');
  const stay = (settledOn: string, inScopeYuan: number, assistanceYuan = 0, admission = 'inpatient') =>
    fact(SETTLEMENT, { idNumber: STUDENT, settledOn, admission, selfPaidInScopeFen: inScopeYuan * 100, selfPaidOutOfScopeFen: 0, medicalAssistanceFen: assistanceYuan * 100 });
  const dibao = status('dibao', 'granted', '2026-01-01');

  it("raises a 低保 member's 住院 settlement with 1,000 元 or more self-paid within the scope and no 医疗救助, once for the year, to Healthcare Security", () => {
    const [found, ...more] = assisted([dibao, stay('2026-04-02', 3000), stay('2026-06-10', 1200)]);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ period: '2026', routedTo: 'healthcare-security' });
    expect(found.explanation).toMatch(/^该人员为低保（医疗救助对象），2026-04-02、2026-06-10的2次住院或门诊慢特病结算政策范围内个人自付共4,200元，均未享受医疗救助/);
  });

  it('is not raised when 医疗救助 paid its share, for an ordinary 门诊, or below 1,000 元', () => {
    expect(assisted([dibao, stay('2026-04-02', 3000, 1800)])).toEqual([]);
    expect(assisted([dibao, stay('2026-04-02', 3000, 0, 'outpatient')])).toEqual([]);
    expect(assisted([dibao, stay('2026-04-02', 800)])).toEqual([]);
  });

  it('is not raised for a settlement on a day the person held no tier (before the 低保 began)', () => {
    expect(assisted([status('dibao', 'granted', '2026-05-01'), stay('2026-04-02', 3000)])).toEqual([]);
  });

  it('is not a check of policy 1.2.0', () => {
    expect(evaluatePerson(viewOf(STUDENT, [dibao, stay('2026-04-02', 3000)]), { policy: POLICY_1_2, until: '2026-12-01' }).filter((f) => f.rule === 'medical-assistance-missing')).toEqual([]);
  });
});
