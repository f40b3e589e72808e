import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, spanWord, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { eligibilityDuring, type EligibilityBasis } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { ANYONE_QUALIFIED, entitlingBases, itemsOfStage, joiningEnrolment, paymentDeadline } from './aid-items.js';
import type { RuleContext } from './rule.js';
import { studentAidKinds } from './student-aid-kinds.js';
import { aidByTerm, enrolledTerms } from './student-terms.js';

const describe = (basis: string) => (basis.startsWith('monitored:') ? `monitoring (${basis.slice('monitored:'.length)})` : basis);

const basisZh = (b: EligibilityBasis) =>
  b.basis === ANYONE_QUALIFIED ? '六盘山区农村学生' : `${b.basis.includes('disability') ? '' : '家庭为'}${statusWord(b.basis)}（${spanWord(b.interval.from, b.interval.to)}）`;
const basisEn = (b: EligibilityBasis) =>
  b.basis === ANYONE_QUALIFIED ? 'a rural student in the listed counties' : `${describe(b.basis)} from ${b.interval.from}${b.interval.to ? ` to ${b.interval.to}` : ''}`;

/**
 * 漏助, per aid item: a student enrolled for a term, in one of an item's entitled groups during it
 * (a household status or monitoring, the student's certificate or, per policy, a parent's severe
 * one, with the item's qualifiers: boarding, 农村 户口, county), with no payment of the item for the
 * term once its payment deadline has passed (before it the term is not judged: payment is weeks or
 * months into the term). Universal items are nobody's finding. Routed to Education.
 */
export function missedStudentAid(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const aid = aidByTerm(view.facts);
  const kinds = studentAidKinds(policy);
  return enrolledTerms(view.facts, policy.terms, until)
    .filter((term) => policy.studentAid.stages.includes(term.stage))
    .flatMap((term) => {
      const bases = eligibilityDuring(view, term.interval, kinds, policy.studentAid.minDaysInTerm, until);
      const enrolment = joiningEnrolment(term.enrolments);
      const paid = new Set((aid.get(term.term) ?? []).map((grant) => grant.aidType));
      return itemsOfStage(policy, term.stage).flatMap((item) => {
        const deadline = paymentDeadline(item, term.term);
        if (item.entitlement === 'universal' || (deadline !== null && until <= deadline) || item.paidBy.some((type) => paid.has(type))) return [];
        const entitled = entitlingBases(item, bases, enrolment, term.interval);
        if (entitled.length === 0) return [];
        const by = deadline ? `（截止${deadline}）` : '';
        return [
          finding(
            'missed-student-aid',
            policy.version,
            view.person,
            term.term,
            'education',
            bilingual(
              `该生${termWord(term.term)}在读（${stageWord(term.stage)}），${listWord(entitled.map(basisZh))}，未发放${item.name}${by}。`,
              `The student is enrolled for ${term.term} (${term.stage}) and entitled to ${item.item ?? 'aid'} (${entitled.map(basisEn).join('; ')}), and none is recorded for the term${deadline ? ` by its deadline ${deadline}` : ''}.`,
            ),
            [...term.enrolments.map((e) => e.evidence), ...entitled.flatMap((b) => b.evidence)],
            item.item,
          ),
        ];
      });
    });
}
