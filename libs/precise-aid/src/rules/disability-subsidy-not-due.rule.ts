import { monthOf } from '../calendar/months.js';
import type { Evidence } from '../facts/evidence.js';
import type { DisabilitySubsidyFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, statusWord, SUBSIDY_WORDS } from '../findings/officer-words.js';
import type { PersonView } from '../state/person-view.js';
import { disabilityEntitlement } from './disability-entitlement.js';
import type { RuleContext } from './rule.js';

const NAMES = { care: 'care subsidy', living: 'living subsidy' } as const;

/**
 * 应退则退, the other side of the subsidy gaps: a disability subsidy paid for a month it was not
 * due (no certificate then, or one changed out of the care scope, the 低保 ended, or an excluding
 * status such as 特困供养 held), one finding per year, routed to the Disabled Persons' Federation
 * to stop or recover it. Payments in the grace months are due: the grace is for paying late, not early.
 */
export function disabilitySubsidyNotDue(view: PersonView, { policy, until }: RuleContext): Finding[] {
  if (!policy.disabilitySubsidy.notDue) return [];
  const payments = view.facts.filter((f): f is DisabilitySubsidyFact => f.kind === 'disability-subsidy');
  if (payments.length === 0) return [];
  const lastMonth = payments.map((p) => p.month).reduce((latest, month) => (month > latest ? month : latest), monthOf(until));
  const entitlement = disabilityEntitlement(view, policy.disabilitySubsidy, lastMonth);
  const due = { care: new Set(entitlement.care.flatMap((s) => s.months)), living: new Set(entitlement.living.flatMap((s) => s.months)) };
  // The certificate's story is part of every such finding: when it began, changed or ended.
  const certificates = view.facts.flatMap((f) => (f.kind === 'certificate' ? [f.evidence] : []));
  const byYear = new Map<string, { lines: string[]; linesZh: string[]; evidence: Evidence[] }>();
  for (const payment of [...payments].sort((a, b) => a.month.localeCompare(b.month) || a.subsidyType.localeCompare(b.subsidyType))) {
    const excluded = entitlement.excluded.get(payment.month);
    if (due[payment.subsidyType].has(payment.month) && !excluded) continue;
    const year = payment.month.slice(0, 4);
    const entry = byYear.get(year) ?? { lines: [], linesZh: [], evidence: [] };
    entry.lines.push(`${NAMES[payment.subsidyType]} for ${payment.month} (${excluded ? `${excluded.status} holds then` : 'no entitlement holds then'})`);
    entry.linesZh.push(`${payment.month}${SUBSIDY_WORDS[payment.subsidyType]}（${excluded ? `当月为${statusWord(excluded.status)}` : '当月无发放资格'}）`);
    entry.evidence.push(payment.evidence, ...(excluded?.evidence ?? []));
    byYear.set(year, entry);
  }
  return [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, paid]) =>
      finding(
        'disability-subsidy-not-due',
        policy.version,
        view.person,
        year,
        'disability',
        bilingual(`以下月份不符合发放条件仍已发放（应退则退）：${paid.linesZh.join('；')}。`, `A subsidy is recorded for a month it was not due: ${paid.lines.join('; ')}.`),
        [...paid.evidence, ...certificates],
      ),
    );
}
