import type { Evidence } from '../facts/evidence.js';
import type { InsuranceFact } from '../facts/fact.js';
import type { Policy } from '../policy/policy.js';
import { heldSpellsOf, type HouseholdSpell } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';

/** A year's enrolment as the latest record for it says. */
export interface YearEnrolment {
  status: InsuranceFact['status'];
  /** The premium subsidy's basis; undefined when the record predates the hub reading it. */
  subsidyBasis: string | null | undefined;
  evidence: Evidence[];
}

/**
 * The person's enrolment in the policy's insurance, by year, as the latest record of each year
 * (by when the hub learnt it) says: a `terminated` after an enrolment ends it for that year.
 */
export function enrolmentsByYear(view: PersonView, policy: Policy['insurance']): Map<number, YearEnrolment> {
  const records = view.facts
    .filter((f): f is InsuranceFact => f.kind === 'insurance' && f.insuranceType === policy.insuranceType)
    .sort((a, b) => a.evidence.knownAt.localeCompare(b.evidence.knownAt) || a.evidence.eventId.localeCompare(b.evidence.eventId));
  const byYear = new Map<number, YearEnrolment>();
  for (const record of records) {
    const earlier = byYear.get(record.year)?.evidence ?? [];
    byYear.set(record.year, { status: record.status, subsidyBasis: record.subsidyBasis, evidence: [...earlier, record.evidence] });
  }
  return byYear;
}

/** The household statuses (as spells name them) the person holds in each year up to `lastYear`, with the spells. */
export function statusesByYear(view: PersonView, counts: (status: string) => boolean, lastYear: number): Map<number, HouseholdSpell[]> {
  const byYear = new Map<number, HouseholdSpell[]>();
  for (const spell of heldSpellsOf(view).filter((s) => counts(s.value))) {
    const last = spell.interval.to === null ? lastYear : Math.min(lastYear, Number(spell.interval.to.slice(0, 4)));
    for (let year = Number(spell.interval.from.slice(0, 4)); year <= last; year++) byYear.set(year, [...(byYear.get(year) ?? []), spell]);
  }
  return byYear;
}
