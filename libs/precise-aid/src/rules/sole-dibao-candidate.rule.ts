import { intersection } from '../calendar/date-interval.js';
import { yearInterval } from '../calendar/periods.js';
import type { CertificateFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, spanWord, statusWord } from '../findings/officer-words.js';
import { certificateSpells, heldSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { firstUncoveredDay } from '../state/uncovered-day.js';
import { callsForCare } from './disability-entitlement.js';
import type { RuleContext } from './rule.js';

/**
 * 重度残疾人单人保 candidates: a certificate holder in the care subsidy's scope (重度), a covered
 * member of a 低保边缘 or 刚性支出 household, who held no 低保 on some day of a year. The 2023
 * 意见 on 低收入人口动态监测 lets such a person be taken into 低保 on their own, on application:
 * outreach, one finding per year, routed to Civil Affairs.
 */
export function soleDibaoCandidate(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const rule = policy.soleDibao;
  if (!rule) return [];
  const severe = certificateSpells(
    view.facts.filter((f): f is CertificateFact => f.kind === 'certificate'),
    callsForCare(policy.disabilitySubsidy),
  );
  const held = heldSpellsOf(view);
  const households = held.filter((s) => rule.householdCategories.includes(s.value));
  const dibao = held.filter((s) => s.value === 'dibao').map((s) => s.interval);
  const byYear = new Map<string, Finding>();
  for (const certificate of severe) {
    for (const household of households) {
      const both = intersection(certificate.interval, household.interval);
      if (!both || both.from > until) continue;
      const lastYear = Number((both.to !== null && both.to < until ? both.to : until).slice(0, 4));
      for (let year = Number(both.from.slice(0, 4)); year <= lastYear; year++) {
        const inYear = intersection(both, yearInterval(year));
        const day = inYear && firstUncoveredDay(inYear, dibao, until);
        if (!day || byYear.has(String(year))) continue;
        byYear.set(
          String(year),
          finding(
            'sole-dibao-candidate',
            policy.version,
            view.person,
            String(year),
            'civil-affairs',
            bilingual(
              `该人员持有重度残疾人证（${spanWord(certificate.interval.from, certificate.interval.to)}），所在家庭为${statusWord(household.value)}（${spanWord(household.interval.from, household.interval.to)}），${day}起本人未纳入低保：可告知其按“单人保”申请（低保边缘家庭中的重度残疾人单独纳入低保）。`,
              `The person holds a certificate in the care subsidy's scope and is a member of a ${household.value} household, and holds no dibao from ${day}: a candidate for 单人保 (a severely disabled member of a low-income household taken into dibao on their own), on application.`,
            ),
            [...certificate.evidence, ...household.evidence],
          ),
        );
      }
    }
  }
  return [...byYear.values()];
}
