import type { DateInterval, IsoDate } from '../calendar/date-interval.js';
import { termInterval, type TermCalendar } from '../calendar/periods.js';
import type { EnrolmentFact, PersonFact, StudentAidFact } from '../facts/fact.js';

/** A term the person was enrolled for, with the enrolment events. */
export interface EnrolledTerm {
  term: string;
  stage: string;
  interval: DateInterval;
  enrolments: EnrolmentFact[];
}

/**
 * The terms, begun by `until`, for which the person was enrolled: an enrolment or transfer for the
 * term, and no leaving or graduation that took effect before the term began.
 */
export function enrolledTerms(facts: readonly PersonFact[], calendar: TermCalendar, until: IsoDate): EnrolledTerm[] {
  const byTerm = new Map<string, EnrolmentFact[]>();
  for (const fact of facts) if (fact.kind === 'enrolment') byTerm.set(fact.term, [...(byTerm.get(fact.term) ?? []), fact]);
  return [...byTerm]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([term, enrolments]) => {
      const interval = termInterval(term, calendar);
      const joined = enrolments.filter((e) => e.change === 'enrolled' || e.change === 'transferred');
      const leftBefore = enrolments.some((e) => (e.change === 'left' || e.change === 'graduated') && e.effectiveDate <= interval.from);
      if (joined.length === 0 || leftBefore || interval.from > until) return [];
      return [{ term, stage: joined.at(-1)!.stage, interval, enrolments }];
    });
}

/** The aid granted to the person, by term. */
export function aidByTerm(facts: readonly PersonFact[]): Map<string, StudentAidFact[]> {
  const byTerm = new Map<string, StudentAidFact[]>();
  for (const fact of facts) if (fact.kind === 'student-aid') byTerm.set(fact.term, [...(byTerm.get(fact.term) ?? []), fact]);
  return byTerm;
}
