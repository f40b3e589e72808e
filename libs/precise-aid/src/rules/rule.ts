import type { IsoDate } from '../calendar/date-interval.js';
import type { Finding } from '../findings/finding.js';
import type { Policy } from '../policy/policy.js';
import type { PersonView } from '../state/person-view.js';

/** What a rule runs against besides the person: the policy version, and the day up to which open statuses count. */
export interface RuleContext {
  policy: Policy;
  /** The evaluation day: terms and months after it are not judged yet; statuses without an end hold until it. */
  until: IsoDate;
}

/** A rule family: a pure function of one person's view. */
export type Rule = (view: PersonView, context: RuleContext) => Finding[];
