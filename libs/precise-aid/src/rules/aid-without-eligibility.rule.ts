import { finding, type Finding } from '../findings/finding.js';
import { termInterval } from '../calendar/periods.js';
import { eligibilityDuring, householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';
import { studentAidKinds } from './student-aid-kinds.js';
import { aidByTerm } from './student-terms.js';

/**
 * 错助 risk: aid granted for a term while no eligible status is known for that term (never held,
 * or revoked before the term). Routed to Education for review, not as an accusation.
 */
export function aidWithoutEligibility(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const kinds = studentAidKinds(policy);
  return [...aidByTerm(view.facts)].flatMap(([term, grants]) => {
    const interval = termInterval(term, policy.terms);
    if (eligibilityDuring(view, interval, kinds, policy.studentAid.minDaysInTerm, until).length > 0) return [];
    const known = householdSpellsOf(view);
    const context = known.length === 0 ? 'no status of the household is known' : `the household's known statuses (${known.map((s) => `${s.value} ${s.interval.from} to ${s.interval.to ?? 'open'}`).join('; ')}) do not cover the term`;
    return [
      finding(
        'aid-without-eligibility',
        policy.version,
        view.person,
        term,
        'education',
        `Aid (${[...new Set(grants.map((g) => g.aidType))].join(', ')}) is recorded for ${term}, but ${context}. For review.`,
        [...grants.map((g) => g.evidence), ...known.flatMap((s) => s.evidence)],
      ),
    ];
  });
}
