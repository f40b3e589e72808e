import { ContractValidator } from '@hub/contracts';
import { addCounts, DEMO_REGION, emptyCounts, generateRegion, prevalenceRows } from '@hub/demo-region';
import { standardContracts } from '../support/standard-contracts.js';

const region = (persons: number, seed = 7) => [...generateRegion({ persons, seed })];

describe('the synthetic region', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(JSON.stringify(region(500))).toBe(JSON.stringify(region(500)));
    expect(JSON.stringify(region(500, 8))).not.toBe(JSON.stringify(region(500)));
  });

  it('has households of 2.65 persons on average, as the census does (within 0.1)', () => {
    const households = region(20_000);
    const persons = households.reduce((sum, h) => sum + h.persons, 0);
    expect(Math.abs(persons / households.length - 2.65)).toBeLessThan(0.1);
  });

  it("has the prevalences of the review's targets (低保, 特困, 脱贫人口, certificates, insured, pupils ...): every group within its range", () => {
    const total = emptyCounts();
    for (const household of generateRegion({ persons: 200_000, seed: 3 })) addCounts(total, household.counts);
    expect(prevalenceRows(total).filter((row) => !row.within)).toEqual([]);
  });

  it('gives the demo region (npm start) findings for every department, 漏助 and 应保未保 among them', () => {
    const planted = [...generateRegion(DEMO_REGION)].flatMap((h) => h.expected);
    expect(planted.some((e) => e.rule === 'missed-student-aid')).toBe(true);
    expect(planted.some((e) => e.rule === 'insurance-gap')).toBe(true);
    expect(new Set(planted.map((e) => e.routedTo))).toEqual(new Set(['education', 'civil-affairs', 'rural-revitalisation', 'disability', 'healthcare-security']));
  });

  it("keeps every record to its department's contract", () => {
    const validator = new ContractValidator();
    for (const contract of standardContracts()) validator.add(contract.schema);
    const problems = region(5_000)
      .flatMap((h) => h.records)
      .flatMap(({ record }) => {
        const [, type, major] = /^(.+)\.(v\d+)$/.exec(record.type)!;
        const result = validator.validate(`urn:nx-hub:contract:${type}:${major}`, record.data);
        return result.valid ? [] : [`${record.id}: ${JSON.stringify(result.violations)}`];
      });
    expect(problems).toEqual([]);
  });

  it('gives every record id and every resident identity number once', () => {
    const records = region(5_000).flatMap((h) => h.records);
    expect(new Set(records.map((r) => r.record.id)).size).toBe(records.length);
    // One enrolment per pupil and term.
    const people = records
      .filter((r) => r.record.type === 'education.student-enrolment.changed.v2' && r.record.data['term'] === '2026-autumn' && r.record.data['change'] === 'enrolled')
      .map((r) => r.record.data['idNumber']);
    expect(new Set(people).size).toBe(people.length);
  });

  it('plants gaps of each rule family it models', () => {
    const rules = new Set(region(60_000).flatMap((h) => h.expected.map((e) => e.rule)));
    expect([...rules].sort()).toEqual([
      'aid-without-eligibility',
      'data-quality',
      'disability-care-subsidy-gap',
      'disability-living-subsidy-gap',
      'disability-subsidy-not-due',
      'dropout-risk',
      'insurance-gap',
      'insurance-subsidy-mismatch',
      'medical-assistance-missing',
      'medical-cost-risk',
      'missed-student-aid',
      'sole-dibao-candidate',
    ]);
  });

  it('plants a data-quality gap as one person in two Civil Affairs households at once, and a decoy whose second registration ended before the first began', () => {
    const households = region(20_000);
    const listings = (h: (typeof households)[number]) =>
      h.records
        .filter((r) => r.record.type.startsWith('civil-affairs.household-status.changed.') && r.record.data['change'] === 'granted')
        .map((r) => ({
          members: (r.record.data['members'] as { idNumber: string }[]).map((m) => m.idNumber),
          from: r.record.data['effectiveFrom'] as string,
          to: r.record.data['effectiveTo'] as string | null,
        }));
    const listedTwice = (e: (typeof households)[number]['expected'][number]) => e.rule === 'data-quality' && e.routedTo === 'civil-affairs';
    const twice = households.filter((h) => new Set(h.records.filter((r) => r.record.type.startsWith('civil-affairs.')).map((r) => r.record.data['householdNumber'])).size === 2);
    const planted = twice.filter((h) => h.expected.some(listedTwice));
    const decoys = twice.filter((h) => !h.expected.some(listedTwice));
    expect(planted.length).toBeGreaterThan(0);
    expect(decoys.length).toBeGreaterThan(0);
    for (const h of planted) {
      const [first, second] = listings(h);
      const gap = h.expected.find(listedTwice)!;
      expect([first.members.includes(gap.idNumber), second.members]).toEqual([true, [gap.idNumber]]);
      expect({ to: second.to, period: gap.period, routedTo: gap.routedTo }).toEqual({ to: null, period: second.from, routedTo: 'civil-affairs' });
    }
    for (const h of decoys) expect(listings(h)[1].to! < listings(h)[0].from).toBe(true);
  });

  describe('on household contract version 2', () => {
    const households = region(60_000);
    const civil = households.flatMap((h) => h.records).filter((r) => r.record.type.startsWith('civil-affairs.household-status.changed.'));
    type Member = { idNumber: string; covered?: boolean; personalStatus?: string | null };
    const membersOf = (r: (typeof civil)[number]) => r.record.data['members'] as Member[];

    it('publishes every Civil Affairs record as version 2, except in the one county still on version 1 (灵武市)', () => {
      const v1 = civil.filter((r) => r.record.type.endsWith('.v1'));
      expect(v1.length).toBeGreaterThan(0);
      expect(new Set(v1.map((r) => r.record.data['regionCode']))).toEqual(new Set(['640181']));
      expect(civil.filter((r) => r.record.type.endsWith('.v2')).every((r) => r.record.data['regionCode'] !== '640181')).toBe(true);
    });

    it("plants children with a status of their own (孤儿, 事实无人抚养) in grandparents' households, and 全额 premium subsidies due to them", () => {
      const own = civil.flatMap(membersOf).filter((m) => m.personalStatus);
      expect(new Set(own.map((m) => m.personalStatus))).toEqual(new Set(['orphan', 'de-facto-unsupported-child']));
      const ownIds = new Set(own.map((m) => m.idNumber));
      const mismatches = households.flatMap((h) => h.expected).filter((e) => e.rule === 'insurance-subsidy-mismatch' && ownIds.has(e.idNumber));
      expect(mismatches.length).toBeGreaterThan(0);
    });

    it('plants 单人保: members the 低保 does not cover, never expected as its gaps (in households no other department lists)', () => {
      const civilOnly = households.filter((h) => h.records.every((r) => !r.record.type.startsWith('rural-revitalisation.')));
      const uncovered = new Set(
        civilOnly
          .flatMap((h) => h.records)
          .filter((r) => r.record.type.startsWith('civil-affairs.'))
          .flatMap(membersOf)
          .filter((m) => m.covered === false)
          .map((m) => m.idNumber),
      );
      expect(uncovered.size).toBeGreaterThan(0);
      const expectedOfUncovered = civilOnly.flatMap((h) => h.expected).filter((e) => uncovered.has(e.idNumber) && (e.rule === 'insurance-gap' || e.rule === 'insurance-subsidy-mismatch'));
      expect(expectedOfUncovered).toEqual([]);
    });

    it('plants 低保 ended during 2026, some back-dated before the spring term and published in October (a late correction), with 错助 for aid paid after the end', () => {
      const ends = civil.filter((r) => r.record.data['change'] === 'revoked' && r.record.data['category'] === 'dibao');
      const late = ends.filter((r) => r.record.time.slice(0, 10) > String(r.record.data['effectiveFrom']));
      expect(late.length).toBeGreaterThan(0);
      const ended = new Set(ends.map((r) => r.record.data['householdNumber']));
      const wrongly = households.filter((h) => h.records.some((r) => ended.has(r.record.data['householdNumber'])) && h.expected.some((e) => e.rule === 'aid-without-eligibility'));
      expect(wrongly.length).toBeGreaterThan(0);
    });

    it('plants monitoring found during 2026 and monitoring ended in 2026 (风险消除), beside 脱贫户 of years ago', () => {
      const monitoring = households.flatMap((h) => h.records).filter((r) => r.record.type.startsWith('rural-revitalisation.'));
      const started = monitoring.filter((r) => r.record.data['change'] === 'monitoring-started').map((r) => String(r.record.data['monitoringFrom']));
      expect(started.some((from) => from >= '2026-09-01')).toBe(true);
      expect(started.some((from) => from < '2021-01-01')).toBe(true);
      expect(monitoring.some((r) => r.record.data['change'] === 'risk-eliminated' && String(r.record.data['monitoringFrom']).startsWith('2026-'))).toBe(true);
    });

    it("plants 刚性支出困难家庭, 低保 suspended and resumed, renewals, and 城乡 that differs from the family's 户口", () => {
      const changes = new Set(civil.map((r) => `${String(r.record.data['category'])}:${String(r.record.data['change'])}`));
      for (const change of ['rigid-expenditure:granted', 'dibao:suspended', 'dibao:resumed', 'dibao:renewed']) expect(changes).toContain(change);
      const enrolments = new Map(
        households
          .flatMap((h) => h.records)
          .filter((r) => r.record.type === 'education.student-enrolment.changed.v2')
          .map((r) => [r.record.data['idNumber'], r.record.data['residence']]),
      );
      const differs = civil.filter((r) => r.record.type.endsWith('.v2') && membersOf(r).some((m) => enrolments.has(m.idNumber) && enrolments.get(m.idNumber) !== r.record.data['area']));
      expect(differs.length).toBeGreaterThan(0);
    });
  });
});
