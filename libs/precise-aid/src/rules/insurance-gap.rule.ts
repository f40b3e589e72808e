import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, statusWord } from '../findings/officer-words.js';
import type { RuleContext } from './rule.js';
import { isListedStatus } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { enrolmentsByYear, statusesByYear } from './insurance-years.js';

/**
 * 应保未保: a member of a household with a status or monitoring of the policy's kinds during a
 * year (医疗救助 一至三类 and 脱贫人口), with no basic medical insurance enrolment for that year, or
 * one terminated since. Routed to Healthcare Security.
 */
export function insuranceGap(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const enrolments = enrolmentsByYear(view, policy.insurance);
  const counts = (status: string) => isListedStatus(status, policy.insurance);
  return [...statusesByYear(view, counts, Number(until.slice(0, 4)))]
    .filter(([year]) => enrolments.get(year)?.status !== 'enrolled')
    .sort(([a], [b]) => a - b)
    .map(([year, held]) => {
      const terminated = enrolments.get(year);
      return finding(
        'insurance-gap',
        policy.version,
        view.person,
        String(year),
        'healthcare-security',
        bilingual(
          `该人员${year}年为${listWord(held.map((s) => statusWord(s.value)))}家庭成员，${terminated ? `${year}年基本医疗保险参保已终止` : `未登记${year}年基本医疗保险参保`}（应保尽保）。`,
          `The person belongs to a household with ${held.map((s) => s.value).join(', ')} in ${year}, and ${terminated ? `the ${policy.insurance.insuranceType} insurance enrolment for ${year} was terminated` : `no ${policy.insurance.insuranceType} insurance enrolment is recorded for ${year}`}.`,
        ),
        [...held.flatMap((s) => s.evidence), ...(terminated?.evidence ?? [])],
      );
    });
}
