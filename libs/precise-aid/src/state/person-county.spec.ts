import type { Evidence } from '../facts/evidence.js';
import type { CertificateFact, EnrolmentFact, HouseholdStatusFact } from '../facts/fact.js';
import { countyOf } from './person-county.js';

const evidence = (knownAt: string): Evidence => ({ eventId: knownAt, source: 's', type: 't', knownAt });
const household = (regionCode: string | undefined, knownAt: string): HouseholdStatusFact => ({
  kind: 'household-status',
  household: 'h',
  category: 'dibao',
  change: 'granted',
  from: '2026-01-01',
  to: null,
  members: [{ person: 'p', relation: 'head' }],
  ...(regionCode ? { regionCode } : {}),
  evidence: evidence(knownAt),
});
const certificate: CertificateFact = { kind: 'certificate', person: 'p', grade: 1, change: 'issued', effectiveDate: '2026-01-01', regionCode: '640402', evidence: evidence('2026-01-02') };
const enrolment: EnrolmentFact = {
  kind: 'enrolment',
  person: 'p',
  stage: 'compulsory',
  term: '2026-autumn',
  change: 'enrolled',
  effectiveDate: '2026-09-01',
  regionCode: '640522',
  evidence: evidence('2026-09-01'),
};

describe("a person's county, what their findings are counted under", () => {
  it('is where the latest household record listing them puts the household', () => {
    expect(countyOf({ person: 'p', facts: [certificate, enrolment], householdFacts: [household('640104', '2026-03-01'), household('640106', '2026-05-01')], relativeFacts: [] })).toBe('640106');
  });

  it('is where their certificate was issued when no household record names a county (household version 1)', () => {
    expect(countyOf({ person: 'p', facts: [enrolment, certificate], householdFacts: [household(undefined, '2026-03-01')], relativeFacts: [] })).toBe('640402');
  });

  it("is their school's county when nothing else says", () => {
    expect(countyOf({ person: 'p', facts: [enrolment], householdFacts: [], relativeFacts: [] })).toBe('640522');
  });

  it('is unknown when no record names one', () => {
    expect(countyOf({ person: 'p', facts: [], householdFacts: [household(undefined, '2026-03-01')], relativeFacts: [] })).toBeUndefined();
  });
});
