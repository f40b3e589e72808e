import { finding, type Finding } from '../findings/finding.js';
import { aidTypeWord, bilingual, listWord, spanWord, statusWord, termWord } from '../findings/officer-words.js';
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
    const contextZh = known.length === 0 ? '未掌握该生家庭的任何救助身份' : `已知的家庭身份（${listWord(known.map((s) => `${statusWord(s.value)}${spanWord(s.interval.from, s.interval.to)}`))}）不覆盖该学期`;
    const aidTypes = [...new Set(grants.map((g) => g.aidType))];
    return [
      finding(
        'aid-without-eligibility',
        policy.version,
        view.person,
        term,
        'education',
        bilingual(`${termWord(term)}已发放${listWord(aidTypes.map(aidTypeWord))}，但${contextZh}，请复核。`, `Aid (${aidTypes.join(', ')}) is recorded for ${term}, but ${context}. For review.`),
        [...grants.map((g) => g.evidence), ...known.flatMap((s) => s.evidence)],
      ),
    ];
  });
}
