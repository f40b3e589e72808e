import { addMonths, monthOf } from '../calendar/months.js';
import type { Evidence } from '../facts/evidence.js';
import { finding, type Finding, type RuleFamily } from '../findings/finding.js';
import { bilingual, listWord, SUBSIDY_WORDS } from '../findings/officer-words.js';
import type { PersonView } from '../state/person-view.js';
import { disabilityEntitlement, type DueStretch } from './disability-entitlement.js';
import type { RuleContext } from './rule.js';

/** Findings, one per year, for months due a subsidy (after the grace months) that have none. */
function gapsByYear(rule: RuleFamily, view: PersonView, context: RuleContext, due: DueStretch[], paid: ReadonlySet<string>, subsidy: 'care' | 'living'): Finding[] {
  const byYear = new Map<string, { months: Set<string>; evidence: Evidence[]; why: Set<string>; whyZh: Set<string> }>();
  for (const stretch of due) {
    for (const month of stretch.months.filter((m) => !paid.has(m))) {
      const year = month.slice(0, 4);
      const entry = byYear.get(year) ?? { months: new Set<string>(), evidence: [], why: new Set<string>(), whyZh: new Set<string>() };
      entry.months.add(month);
      entry.evidence.push(...stretch.evidence);
      entry.why.add(stretch.why);
      entry.whyZh.add(stretch.whyZh);
      byYear.set(year, entry);
    }
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, gap]) => {
      const months = [...gap.months].sort();
      const explanation = bilingual(
        `${listWord([...gap.whyZh])}，${listWord(months)}未发放${SUBSIDY_WORDS[subsidy]}（主动发现：提醒申请或核实发放）。`,
        `${[...gap.why].join('; ')}; no ${subsidy} subsidy is recorded for ${months.join(', ')}.`,
      );
      return finding(rule, context.policy.version, view.person, year, 'disability', explanation, gap.evidence);
    });
}

/**
 * Disability subsidy gaps, routed to the Disabled Persons' Federation as outreach (both subsidies are
 * applied for, so a gap means "not applied, or not found"): a certificate calling for the care
 * subsidy (重度残疾人护理补贴; Ningxia: grades 1-2, and 智力 and 精神 of every grade) without it,
 * and a certificate holder in a household with a status of the policy's kinds (低保) without the
 * living subsidy (困难残疾人生活补贴), month by month after the grace months, up to the month
 * before the evaluation day; months of an excluding status (特困供养) are not due.
 */
export function disabilitySubsidyGaps(view: PersonView, context: RuleContext): Finding[] {
  const { policy, until } = context;
  const entitlement = disabilityEntitlement(view, policy.disabilitySubsidy, addMonths(monthOf(until), -1));
  const paid = (type: 'care' | 'living') => new Set(view.facts.filter((f) => f.kind === 'disability-subsidy' && f.subsidyType === type).map((f) => (f as { month: string }).month));
  const afterGrace = (stretch: DueStretch): DueStretch => {
    const firstDue = addMonths(stretch.months[0] ?? '0000-01', policy.disabilitySubsidy.graceMonths);
    return { ...stretch, months: stretch.months.filter((m) => m >= firstDue && !entitlement.excluded.has(m)) };
  };
  return [
    ...gapsByYear('disability-care-subsidy-gap', view, context, entitlement.care.map(afterGrace), paid('care'), 'care'),
    ...gapsByYear('disability-living-subsidy-gap', view, context, entitlement.living.map(afterGrace), paid('living'), 'living'),
  ];
}
