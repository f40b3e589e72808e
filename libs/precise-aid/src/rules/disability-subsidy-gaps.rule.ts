import { intersection } from '../calendar/date-interval.js';
import { addMonths, monthOf, monthsOf } from '../calendar/months.js';
import type { Evidence } from '../facts/evidence.js';
import type { CertificateFact } from '../facts/fact.js';
import { finding, type Finding, type RuleFamily } from '../findings/finding.js';
import { certificateSpells, householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/** Findings, one per year, for months due a subsidy (after the grace months) that have none. */
function gapsByYear(
  rule: RuleFamily,
  view: PersonView,
  context: RuleContext,
  due: { months: string[]; evidence: Evidence[]; why: string }[],
  paid: ReadonlySet<string>,
  subsidy: string,
): Finding[] {
  const byYear = new Map<string, { months: Set<string>; evidence: Evidence[]; why: Set<string> }>();
  for (const stretch of due) {
    for (const month of stretch.months.filter((m) => !paid.has(m))) {
      const year = month.slice(0, 4);
      const entry = byYear.get(year) ?? { months: new Set<string>(), evidence: [], why: new Set<string>() };
      entry.months.add(month);
      entry.evidence.push(...stretch.evidence);
      entry.why.add(stretch.why);
      byYear.set(year, entry);
    }
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, gap]) =>
      finding(rule, context.policy.version, view.person, year, 'disability', `${[...gap.why].join('; ')}; no ${subsidy} is recorded for ${[...gap.months].sort().join(', ')}.`, gap.evidence),
    );
}

/**
 * Disability subsidy gaps, routed to the Disabled Persons' Federation: a severe (grade 1-2)
 * certificate without the care subsidy (重度残疾人护理补贴), and a certificate holder in a household
 * with a status of the policy's kinds (低保) without the living subsidy (困难残疾人生活补贴), month
 * by month after the grace months, up to the month before the evaluation day.
 */
export function disabilitySubsidyGaps(view: PersonView, context: RuleContext): Finding[] {
  const { policy, until } = context;
  const lastMonth = addMonths(monthOf(until), -1);
  const certificates = view.facts.filter((f): f is CertificateFact => f.kind === 'certificate');
  const paid = (type: 'care' | 'living') => new Set(view.facts.filter((f) => f.kind === 'disability-subsidy' && f.subsidyType === type).map((f) => (f as { month: string }).month));
  const afterGrace = (months: string[], since: string) => {
    const firstDue = addMonths(monthOf(since), policy.disabilitySubsidy.graceMonths);
    return months.filter((m) => m >= firstDue);
  };

  const careDue = certificateSpells(certificates, policy.disabilitySubsidy.careGrades).map((spell) => ({
    months: afterGrace(monthsOf(spell.interval, lastMonth), spell.interval.from),
    evidence: spell.evidence,
    why: `a grade ${policy.disabilitySubsidy.careGrades.join(' or ')} certificate holds from ${spell.interval.from}`,
  }));
  const livingDue = certificateSpells(certificates).flatMap((certificate) =>
    householdSpellsOf(view)
      .filter((status) => policy.disabilitySubsidy.livingCategories.includes(status.value))
      .flatMap((status) => {
        const both = intersection(certificate.interval, status.interval);
        if (!both) return [];
        return [{ months: afterGrace(monthsOf(both, lastMonth), both.from), evidence: [...certificate.evidence, ...status.evidence], why: `a certificate holder in a ${status.value} household from ${both.from}` }];
      }),
  );
  return [
    ...gapsByYear('disability-care-subsidy-gap', view, context, careDue, paid('care'), 'care subsidy'),
    ...gapsByYear('disability-living-subsidy-gap', view, context, livingDue, paid('living'), 'living subsidy'),
  ];
}
