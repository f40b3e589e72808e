import { termInterval } from '../calendar/periods.js';
import type { EnrolmentFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, spanWord, statusWord, termWord } from '../findings/officer-words.js';
import { eligibilityDuring, householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { entitlingBases, itemsPaidBy, joiningEnrolment } from './aid-items.js';
import type { RuleContext } from './rule.js';
import { studentAidKinds } from './student-aid-kinds.js';
import { aidByTerm } from './student-terms.js';

/**
 * 错助 risk, per aid item, for review (not as an accusation): an item whose entitlement is a closed
 * list (普高 免学杂费) paid for a term to a student in none of its groups; or a need-tested item paid
 * for a term when the statuses the hub knew of the household had all ended before it (schools find
 * need the hub cannot see, so "no status known" alone is not a signal). Universal items never.
 * Routed to Education.
 */
export function aidWithoutEligibility(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const kinds = studentAidKinds(policy);
  const enrolments = view.facts.filter((f): f is EnrolmentFact => f.kind === 'enrolment');
  return [...aidByTerm(view.facts)].flatMap(([term, grants]) => {
    const interval = termInterval(term, policy.terms);
    const enrolment = joiningEnrolment(enrolments.filter((e) => e.term === term));
    const bases = eligibilityDuring(view, interval, kinds, policy.studentAid.minDaysInTerm, until);
    const known = householdSpellsOf(view);
    const endedBefore = known.length > 0 && known.every((s) => s.interval.to !== null && s.interval.to < interval.from);
    const items = new Set(grants.flatMap((grant) => itemsPaidBy(policy, grant.aidType, enrolment?.stage)));
    return [...items].flatMap((item) => {
      const paid = grants.filter((g) => item.paidBy.includes(g.aidType));
      if (item.entitlement === 'universal' || entitlingBases(item, bases, enrolment, interval).length > 0) return [];
      if (item.entitlement === 'need-tested' && !endedBefore) return [];
      const statuses =
        known.length === 0 ? '未掌握该生家庭的任何救助身份' : `已知的家庭身份（${listWord(known.map((s) => `${statusWord(s.value)}${spanWord(s.interval.from, s.interval.to)}`))}）不覆盖该学期`;
      const context =
        known.length === 0
          ? 'no status of the household is known'
          : `the household's known statuses (${known.map((s) => `${s.value} ${s.interval.from} to ${s.interval.to ?? 'open'}`).join('; ')}) do not cover the term`;
      const list = item.entitlement === 'closed-list' ? '，该项目仅限特定群体' : '';
      return [
        finding(
          'aid-without-eligibility',
          policy.version,
          view.person,
          term,
          'education',
          bilingual(
            `${termWord(term)}已发放${item.name}${list}，但${statuses}，请复核。`,
            `Aid (${[...new Set(paid.map((g) => g.aidType))].join(', ')}) is recorded for ${term}, but ${context}. For review.`,
          ),
          [...paid.map((g) => g.evidence), ...known.flatMap((s) => s.evidence)],
          item.item,
        ),
      ];
    });
  });
}
