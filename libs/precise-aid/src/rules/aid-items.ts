import type { DateInterval, IsoDate } from '../calendar/date-interval.js';
import type { EnrolmentFact } from '../facts/fact.js';
import type { AidItem, EntitledGroup, Policy } from '../policy/policy.js';
import type { EligibilityBasis } from '../state/eligibility.js';

/** The policy's aid items of a school stage. */
export const itemsOfStage = (policy: Policy, stage: string): AidItem[] => policy.studentAid.items.filter((item) => item.stage === stage);

/** The items an aid type pays, in a stage when it is known. */
export const itemsPaidBy = (policy: Policy, aidType: string, stage?: string): AidItem[] =>
  policy.studentAid.items.filter((item) => item.paidBy.includes(aidType) && (stage === undefined || item.stage === stage));

/** The day a term's payment of the item is due by (in the term's own year), or null when it is due from the term's start. */
export function paymentDeadline(item: AidItem, term: string): IsoDate | null {
  if (!item.deadline) return null;
  const [year, half] = term.split('-');
  return `${year}-${half === 'autumn' ? item.deadline.autumn : item.deadline.spring}`;
}

/** The enrolment a term's qualifiers are read from: the last joining one. */
export const joiningEnrolment = (enrolments: readonly EnrolmentFact[]): EnrolmentFact | undefined => enrolments.filter((e) => e.change === 'enrolled' || e.change === 'transferred').at(-1);

/**
 * Whether the enrolment meets a group's qualifiers other than 农村; one that does not state them
 * (version 1) is read as a boarder in an approved kindergarten.
 */
function meetsSchoolQualifiers(group: EntitledGroup, enrolment: EnrolmentFact | undefined): boolean {
  if (group.boarding !== undefined && group.boarding !== (enrolment?.boarding ?? true)) return false;
  if (group.kindergartens && enrolment?.kindergartenType !== undefined && !group.kindergartens.includes(enrolment.kindergartenType)) return false;
  return !group.counties || (enrolment?.regionCode !== undefined && group.counties.includes(enrolment.regionCode));
}

/**
 * Whether a basis is 农村 as a group asks: a status whose record says its 城乡 (农村低保, 农村特困;
 * household contract version 2) by that; otherwise by the student's 户口性质, and a version 1
 * enrolment, which does not say, is read as 农村.
 */
const rural = (basis: EligibilityBasis | undefined, enrolment: EnrolmentFact | undefined) => (basis?.area ? basis.area === 'rural' : (enrolment?.rural ?? true));

/** The basis `anyone` stands for: every student the qualifiers name, e.g. 六盘山区 农村 students. */
export const ANYONE_QUALIFIED = 'qualified-student';

/**
 * The bases by which the student is in one of the item's groups, for a term: the eligibility bases
 * a group names (or all of them, for `counted`), in groups whose qualifiers the enrolment and the
 * basis meet.
 */
export function entitlingBases(item: AidItem, bases: readonly EligibilityBasis[], enrolment: EnrolmentFact | undefined, term: DateInterval): EligibilityBasis[] {
  const matched = new Set<EligibilityBasis>();
  let anyone: EligibilityBasis | undefined;
  for (const group of item.groups) {
    if (!meetsSchoolQualifiers(group, enrolment)) continue;
    if (group.bases === 'anyone') {
      if (!group.rural || rural(undefined, enrolment)) anyone ??= { basis: ANYONE_QUALIFIED, interval: term, evidence: enrolment ? [enrolment.evidence] : [] };
      continue;
    }
    for (const basis of bases) {
      if ((group.bases === 'counted' || group.bases.includes(basis.basis)) && (!group.rural || rural(basis, enrolment))) matched.add(basis);
    }
  }
  return [...matched, ...(anyone ? [anyone] : [])];
}
