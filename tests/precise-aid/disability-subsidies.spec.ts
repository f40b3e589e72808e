/**
 * The disability subsidies (残疾人两项补贴) as Ningxia pays them, policy 1.2.0.
 * Sources (see ../../../shared/policy-review.md §1.4):
 * - 国发〔2015〕52号: 生活补贴 for 残疾人 in 低保家庭; 护理补贴 for 一、二级 重度残疾人 needing long-term care;
 *   "有条件的地方可扩大到非重度智力、精神残疾人".
 * - 宁夏日报 2016-03-28: Ningxia's 护理补贴 covers 智力 and 精神 of every grade, and 一、二级 of the other
 *   categories; it excludes those in 特困人员供养 (whose support covers it), 工伤 生活护理费 and 服刑.
 * - 动态管理 (应退则退): a subsidy stops when the certificate, its grade or the 低保 no longer qualify.
 */
import { evaluatePerson, POLICY_1_1, POLICY_2026, type Finding } from '@hub/precise-aid';
import { CERTIFICATE, fact, FATHER, status, SUBSIDY, viewOf } from './scenario.js';

const context = { policy: POLICY_2026, until: '2026-12-01' };
const of = (rule: string, findings: Finding[]) => findings.filter((f) => f.rule === rule);
const certificate = (category: string, grade: number, change = 'issued', effectiveDate = '2026-01-10') => fact(CERTIFICATE, { idNumber: FATHER, category, grade, change, effectiveDate });
const paid = (subsidyType: 'care' | 'living', ...months: string[]) => months.map((month) => fact(SUBSIDY, { idNumber: FATHER, subsidyType, month }));
const MARCH_TO_NOVEMBER = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

describe('护理补贴 in Ningxia: 智力 and 精神 of every grade, 一、二级 of the others', () => {
  it('calls for the care subsidy for a grade 3 智力 certificate', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate('intellectual', 3)]), context))).toHaveLength(1);
  });

  it('calls for the care subsidy for a grade 4 精神 certificate', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate('mental', 4)]), context))).toHaveLength(1);
  });

  it('does not call for it for a grade 3 肢体 certificate', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate('physical', 3)]), context))).toEqual([]);
  });

  it('did not call for it for 智力 grade 3 under policy 1.1.0, which knew grades only', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate('intellectual', 3)]), { ...context, policy: POLICY_1_1 }))).toEqual([]);
  });
});

describe('特困人员供养 excludes both subsidies', () => {
  it("raises no care or living gap for a 特困 member's grade 1 certificate", () => {
    const found = evaluatePerson(viewOf(FATHER, [certificate('physical', 1), status('extreme-poverty', 'granted', '2026-01-01')]), context);
    expect(found.filter((f) => f.rule.startsWith('disability-'))).toEqual([]);
  });

  it('counts the months before the 特困 began as due', () => {
    const [gap] = of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate('physical', 1), status('extreme-poverty', 'granted', '2026-06-01')]), context));
    expect(gap.explanation).toMatch(/no care subsidy is recorded for 2026-03, 2026-04, 2026-05\.$/);
  });
});

describe('复评: a certificate downgraded out of the care scope', () => {
  const downgraded = [certificate('physical', 2), certificate('physical', 3, 'changed', '2026-07-01')];

  it('ends the care subsidy from the change: no gap after it', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [...downgraded, ...paid('care', '2026-03', '2026-04', '2026-05', '2026-06')]), context))).toEqual([]);
  });

  it('opens the care subsidy again when a later change brings it back', () => {
    const [gap] = of(
      'disability-care-subsidy-gap',
      evaluatePerson(viewOf(FATHER, [...downgraded, certificate('physical', 2, 'changed', '2026-08-01'), ...paid('care', '2026-03', '2026-04', '2026-05', '2026-06')]), context),
    );
    expect(gap.explanation).toMatch(/no care subsidy is recorded for 2026-10, 2026-11\.$/);
  });
});

describe('应退则退: a subsidy paid for a month it was not due', () => {
  it("flags the care subsidy paid on after a downgrade, per year, to the Disabled Persons' Federation", () => {
    const [found] = of(
      'disability-subsidy-not-due',
      evaluatePerson(viewOf(FATHER, [...[certificate('physical', 2), certificate('physical', 3, 'changed', '2026-07-01')], ...paid('care', ...MARCH_TO_NOVEMBER)]), context),
    );
    expect(found).toMatchObject({ period: '2026', routedTo: 'disability' });
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    expect(found.explanation).toBe(
      `以下月份不符合发放条件仍已发放（应退则退）：${months.map((m) => `${m}重度残疾人护理补贴（当月无发放资格）`).join('；')}。 — ` +
        `A subsidy is recorded for a month it was not due: ${months.map((m) => `care subsidy for ${m} (no entitlement holds then)`).join('; ')}.`,
    );
  });

  it('flags the living subsidy paid after the 低保 ended', () => {
    const facts = [certificate('physical', 3), status('dibao', 'granted', '2026-01-01'), status('dibao', 'revoked', '2026-09-01'), ...paid('living', ...MARCH_TO_NOVEMBER)];
    const [found] = of('disability-subsidy-not-due', evaluatePerson(viewOf(FATHER, facts), context));
    expect(found.explanation).toMatch(/living subsidy for 2026-09 \(no entitlement holds then\); living subsidy for 2026-10 .*; living subsidy for 2026-11 /);
  });

  it('names the excluding status of a subsidy paid while 特困 holds', () => {
    const facts = [certificate('physical', 1), status('extreme-poverty', 'granted', '2026-10-01'), ...paid('care', ...MARCH_TO_NOVEMBER)];
    const [found] = of('disability-subsidy-not-due', evaluatePerson(viewOf(FATHER, facts), context));
    expect(found.explanation).toMatch(/care subsidy for 2026-10 \(extreme-poverty holds then\); care subsidy for 2026-11 \(extreme-poverty holds then\)\.$/);
  });

  it('takes a payment in the grace months as due: the grace is for paying late, not early', () => {
    expect(of('disability-subsidy-not-due', evaluatePerson(viewOf(FATHER, [certificate('physical', 1, 'issued', '2026-10-10'), ...paid('care', '2026-10', '2026-11')]), context))).toEqual([]);
  });

  it('flags a subsidy paid before any certificate', () => {
    expect(of('disability-subsidy-not-due', evaluatePerson(viewOf(FATHER, paid('care', '2026-05')), context))).toHaveLength(1);
  });
});

describe('disability subsidy gaps', () => {
  const certificate = (grade: number, effectiveDate = '2026-03-10') => fact(CERTIFICATE, { idNumber: FATHER, category: 'physical', grade, change: 'issued', effectiveDate });
  const care = (month: string) => fact(SUBSIDY, { idNumber: FATHER, subsidyType: 'care', month });
  const living = (month: string) => fact(SUBSIDY, { idNumber: FATHER, subsidyType: 'living', month });

  it('raises a care-subsidy gap for a grade 2 肢体 certificate, naming the unpaid months after the grace months', () => {
    const [found] = of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate(2), care('2026-05'), care('2026-06')]), context));
    expect(found).toMatchObject({ period: '2026', routedTo: 'disability' });
    expect(found.explanation).toMatch(/no care subsidy is recorded for 2026-07, 2026-08, 2026-09, 2026-10, 2026-11\.$/);
  });

  it('raises no care-subsidy gap for a grade 3 肢体 certificate', () => {
    expect(of('disability-care-subsidy-gap', evaluatePerson(viewOf(FATHER, [certificate(3)]), context))).toEqual([]);
  });

  it('raises a living-subsidy gap for a certificate holder in a 低保 household, and none once every month is paid', () => {
    const facts = [certificate(3, '2026-06-01'), status('dibao', 'granted', '2026-03-01')];
    expect(of('disability-living-subsidy-gap', evaluatePerson(viewOf(FATHER, facts), context))).toHaveLength(1);
    const paid = ['2026-08', '2026-09', '2026-10', '2026-11'].map(living);
    expect(of('disability-living-subsidy-gap', evaluatePerson(viewOf(FATHER, [...facts, ...paid]), context))).toEqual([]);
  });
});
