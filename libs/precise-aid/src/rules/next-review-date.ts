import { addDays, type IsoDate } from '../calendar/date-interval.js';
import { addMonths, monthOf } from '../calendar/months.js';
import { nextTerm, termInterval } from '../calendar/periods.js';
import type { Fact } from '../facts/fact.js';
import type { Policy } from '../policy/policy.js';
import type { PersonView } from '../state/person-view.js';
import { schoolEntryYearOf } from '../state/school-entry-year.js';
import { paymentDeadline } from './aid-items.js';

/** The dates a fact names on which something starts or stops holding (an end date: the day after it). */
function factDates(fact: Fact): IsoDate[] {
  switch (fact.kind) {
    case 'household-status':
    case 'monitoring-status':
      return [fact.from, ...(fact.to ? [addDays(fact.to, 1)] : [])];
    case 'certificate':
    case 'enrolment':
      return [fact.effectiveDate];
    default:
      return [];
  }
}

/**
 * The next day after `until` on which the person's findings may change with no new event: time
 * alone moves them (a term begins, a status reaches the term's minimum days, an aid item's payment
 * deadline passes; a new month makes
 * another subsidy month due; a new year needs another insurance enrolment; a status starts or ends
 * on a date already known). Null when nothing the person has can change with time. The crosscheck
 * judges the person again on that day; judging them when nothing changed changes nothing, so a
 * date too early costs only the work, and this errs that way rather than miss one.
 */
export function nextReviewDate(view: PersonView, policy: Policy, until: IsoDate): IsoDate | null {
  const facts: Fact[] = [...view.facts, ...view.householdFacts, ...view.relativeFacts];
  const candidates: IsoDate[] = facts.flatMap(factDates);
  const starts = [...new Set(candidates)];
  const terms = new Set(view.facts.flatMap((f) => (f.kind === 'enrolment' || f.kind === 'student-aid' ? [f.term] : [])));
  for (const term of terms) {
    const from = termInterval(term, policy.terms).from;
    candidates.push(from);
    // The day after each item's payment deadline, when missed aid is judged.
    for (const item of policy.studentAid.items) {
      const deadline = paymentDeadline(item, term);
      if (deadline) candidates.push(addDays(deadline, 1));
    }
    // The day a status held from its start (or from the term's) reaches the term's minimum days.
    for (const start of [from, ...starts]) candidates.push(addDays(start > from ? start : from, policy.studentAid.minDaysInTerm - 1));
  }
  // 控辍保学: the day a pupil of a stage they must complete, not back for the next term or gone since leaving, has been away for the grace days.
  const schooling = policy.schooling;
  for (const f of schooling ? view.facts : []) {
    if (f.kind !== 'enrolment' || schooling!.lastGrades[f.stage] === undefined) continue;
    candidates.push(addDays(f.change === 'left' ? f.effectiveDate : termInterval(nextTerm(f.term), policy.terms).from, schooling!.graceDays));
  }
  // 适龄未入学: the day the grace days of the current and the next term have passed, for a child with a school entry year.
  if (schooling?.schoolAgeStage && schoolEntryYearOf(view) !== undefined) {
    const year = Number(until.slice(0, 4));
    for (const term of [`${year}-spring`, `${year}-autumn`, `${year + 1}-spring`]) candidates.push(addDays(termInterval(term, policy.terms).from, schooling.graceDays));
  }
  if (facts.some((f) => f.kind === 'certificate' || f.kind === 'disability-subsidy')) candidates.push(`${addMonths(monthOf(until), 1)}-01`);
  if (view.householdFacts.length > 0 || view.facts.some((f) => f.kind === 'insurance')) candidates.push(`${Number(until.slice(0, 4)) + 1}-01-01`);
  const later = candidates.filter((date) => date > until);
  return later.length === 0 ? null : later.reduce((earliest, date) => (date < earliest ? date : earliest));
}
