import { ContractValidator } from '@hub/contracts';
import { generateRegion } from '@hub/demo-region';
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

  it('keeps every record to its department\'s contract', () => {
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
    const people = records.filter((r) => r.record.type === 'education.student-enrolment.changed.v2' && r.record.data['term'] === '2026-autumn').map((r) => r.record.data['idNumber']);
    expect(new Set(people).size).toBe(people.length);
  });

  it('plants gaps of each rule family it models', () => {
    const rules = new Set(region(20_000).flatMap((h) => h.expected.map((e) => e.rule)));
    expect([...rules].sort()).toEqual([
      'aid-without-eligibility',
      'data-quality',
      'disability-care-subsidy-gap',
      'disability-living-subsidy-gap',
      'disability-subsidy-not-due',
      'insurance-gap',
      'insurance-subsidy-mismatch',
      'missed-student-aid',
    ]);
  });

  it('plants a data-quality gap as one person in two Civil Affairs households at once, and a decoy whose second registration ended before the first began', () => {
    const households = region(20_000);
    const listings = (h: (typeof households)[number]) =>
      h.records
        .filter((r) => r.record.type === 'civil-affairs.household-status.changed.v1')
        .map((r) => ({ members: (r.record.data['members'] as { idNumber: string }[]).map((m) => m.idNumber), from: r.record.data['effectiveFrom'] as string, to: r.record.data['effectiveTo'] as string | null }));
    const twice = households.filter((h) => listings(h).length === 2);
    const planted = twice.filter((h) => h.expected.some((e) => e.rule === 'data-quality'));
    const decoys = twice.filter((h) => !h.expected.some((e) => e.rule === 'data-quality'));
    expect(planted.length).toBeGreaterThan(0);
    expect(decoys.length).toBeGreaterThan(0);
    for (const h of planted) {
      const [first, second] = listings(h);
      const gap = h.expected.find((e) => e.rule === 'data-quality')!;
      expect([first!.members.includes(gap.idNumber), second!.members]).toEqual([true, [gap.idNumber]]);
      expect({ to: second!.to, period: gap.period, routedTo: gap.routedTo }).toEqual({ to: null, period: second!.from, routedTo: 'civil-affairs' });
    }
    for (const h of decoys) expect(listings(h)[1]!.to! < listings(h)[0]!.from).toBe(true);
  });
});
