import { finding, type Finding } from '../findings/finding.js';
import { householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/**
 * 应保未保: a member of a household with a status or monitoring of the policy's kinds during a
 * year, with no basic medical insurance enrolment recorded for that year. Routed to Healthcare Security.
 */
export function insuranceGap(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const lastYear = Number(until.slice(0, 4));
  const insured = new Set(
    view.facts.filter((f) => f.kind === 'insurance' && f.insuranceType === policy.insurance.insuranceType && f.status === 'enrolled').map((f) => (f as { year: number }).year),
  );
  const spells = householdSpellsOf(view).filter((s) =>
    s.value.startsWith('monitored:') ? policy.insurance.monitoringTypes.includes(s.value.slice('monitored:'.length)) : policy.insurance.categories.includes(s.value),
  );
  const byYear = new Map<number, typeof spells>();
  for (const spell of spells) {
    const last = spell.interval.to === null ? lastYear : Math.min(lastYear, Number(spell.interval.to.slice(0, 4)));
    for (let year = Number(spell.interval.from.slice(0, 4)); year <= last; year++) byYear.set(year, [...(byYear.get(year) ?? []), spell]);
  }
  return [...byYear]
    .filter(([year]) => !insured.has(year))
    .sort(([a], [b]) => a - b)
    .map(([year, held]) =>
      finding(
        'insurance-gap',
        policy.version,
        view.person,
        String(year),
        'healthcare-security',
        `The person belongs to a household with ${held.map((s) => s.value).join(', ')} in ${year}, and no ${policy.insurance.insuranceType} insurance enrolment is recorded for ${year}.`,
        held.flatMap((s) => s.evidence),
      ),
    );
}
