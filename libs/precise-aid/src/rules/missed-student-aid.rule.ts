import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, spanWord, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { eligibilityDuring } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';
import { studentAidKinds } from './student-aid-kinds.js';
import { aidByTerm, enrolledTerms } from './student-terms.js';

const describe = (basis: string) => (basis.startsWith('monitored:') ? `monitoring (${basis.slice('monitored:'.length)})` : basis);

/**
 * 漏助: a student enrolled for a term, eligible during it (a household status or monitoring of the
 * policy's kinds, or a disability certificate of the student or, per policy, of a parent), with no
 * aid granted for that term. Routed to Education.
 */
export function missedStudentAid(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const aid = aidByTerm(view.facts);
  const kinds = studentAidKinds(policy);
  return enrolledTerms(view.facts, policy.terms, until)
    .filter((term) => policy.studentAid.stages.includes(term.stage) && !aid.has(term.term))
    .flatMap((term) => {
      const bases = eligibilityDuring(view, term.interval, kinds, policy.studentAid.minDaysInTerm, until);
      if (bases.length === 0) return [];
      const why = bases.map((b) => `${describe(b.basis)} from ${b.interval.from}${b.interval.to ? ` to ${b.interval.to}` : ''}`).join('; ');
      const whyZh = listWord(bases.map((b) => `${b.basis.includes('disability') ? '' : '家庭为'}${statusWord(b.basis)}（${spanWord(b.interval.from, b.interval.to)}）`));
      return [
        finding(
          'missed-student-aid',
          policy.version,
          view.person,
          term.term,
          'education',
          bilingual(
            `该生${termWord(term.term)}在读（${stageWord(term.stage)}），${whyZh}，本学期未发放学生资助。`,
            `The student is enrolled for ${term.term} (${term.stage}), the household qualifies (${why}), and no aid is recorded for the term.`,
          ),
          [...term.enrolments.map((e) => e.evidence), ...bases.flatMap((b) => b.evidence)],
        ),
      ];
    });
}
