import { addDays, intersection } from '../calendar/date-interval.js';
import type { SettlementFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, yuanWord } from '../findings/officer-words.js';
import { heldSpellsOf, isListedStatus } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/**
 * 因病返贫致贫 early warning (medical-cost-risk): the self-paid medical costs a person's settlements
 * add up to over the policy's window (twelve months) pass its share of the previous year's
 * per-capita disposable income, and the person has held none of the listed statuses since (not
 * monitored, not assisted). One finding per year, at the first settlement that crosses; it closes
 * when a status is granted. Routed to Rural Revitalisation (纳入监测评估).
 */
export function medicalCostRisk(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const rule = policy.medicalCost;
  if (!rule) return [];
  const settlements = view.facts.filter((f): f is SettlementFact => f.kind === 'settlement' && f.settledOn <= until).sort((a, b) => a.settledOn.localeCompare(b.settledOn));
  if (settlements.length === 0) return [];
  const statuses = heldSpellsOf(view).filter((s) => isListedStatus(s.value, rule));
  const byYear = new Map<string, Finding>();
  for (const settlement of settlements) {
    const year = settlement.settledOn.slice(0, 4);
    const income = rule.incomeFenByYear[String(Number(year) - 1)];
    if (byYear.has(year) || income === undefined) continue;
    const windowFrom = addDays(settlement.settledOn, 1 - rule.windowDays);
    const window = settlements.filter((s) => s.settledOn >= windowFrom && s.settledOn <= settlement.settledOn);
    const selfPaid = window.reduce((sum, s) => sum + s.selfPaidFen, 0);
    const threshold = Math.round(income * rule.share);
    if (selfPaid < threshold) continue;
    // Held on the day it crossed or any day since: already monitored or assisted, or taken in since (the finding closes).
    if (statuses.some((s) => intersection(s.interval, { from: settlement.settledOn, to: until }))) continue;
    byYear.set(
      year,
      finding(
        'medical-cost-risk',
        policy.version,
        view.person,
        year,
        'rural-revitalisation',
        bilingual(
          `该人员截至${settlement.settledOn}的${rule.windowDays}天内医疗费用个人自付累计${yuanWord(selfPaid)}元（${window.length}次结算），超过${Number(year) - 1}年人均可支配收入的${Math.round(rule.share * 100)}%（${yuanWord(threshold)}元），且未纳入防止返贫监测或低保等救助：请评估是否纳入监测（因病返贫致贫风险预警）。`,
          `The person's self-paid medical costs over ${rule.windowDays} days to ${settlement.settledOn} add up to ${yuanWord(selfPaid)} yuan (${window.length} settlements), above ${Math.round(rule.share * 100)} % of ${Number(year) - 1}'s per-capita disposable income (${yuanWord(threshold)} yuan), and the person is neither monitored nor assisted.`,
        ),
        window.map((s) => s.evidence),
      ),
    );
  }
  return [...byYear.values()];
}
