import { contains } from '../calendar/date-interval.js';
import type { SettlementFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, statusWord, yuanWord } from '../findings/officer-words.js';
import { heldSpellsOf, isListedStatus } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/**
 * 医疗救助未享受 (medical-assistance-missing): a 住院 or 门诊慢特病 settlement of a person who held a
 * status of the medical-assistance tiers on its day (一类 特困, 孤儿, 事实无人抚养; 二类 低保; 三类
 * 低保边缘 and the monitored at risk), with self-pay within the policy's scope above the policy's
 * floor and nothing paid by 医疗救助 (一站式结算 should have applied it). One finding per year, citing
 * the settlements; routed to Healthcare Security.
 */
export function medicalAssistanceMissing(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const rule = policy.medicalAssistance;
  if (!rule) return [];
  const tiers = heldSpellsOf(view).filter((s) => isListedStatus(s.value, rule));
  const byYear = new Map<string, { settlements: SettlementFact[]; statuses: Set<string>; evidence: Set<(typeof tiers)[number]> }>();
  for (const settlement of view.facts) {
    if (settlement.kind !== 'settlement' || settlement.settledOn > until || settlement.medicalAssistanceFen > 0) continue;
    if (!rule.admissions.includes(settlement.admission ?? '') || (settlement.selfPaidInScopeFen ?? 0) < rule.minSelfPaidInScopeFen) continue;
    const held = tiers.filter((s) => contains(s.interval, settlement.settledOn));
    if (held.length === 0) continue;
    const year = settlement.settledOn.slice(0, 4);
    const entry = byYear.get(year) ?? { settlements: [], statuses: new Set<string>(), evidence: new Set() };
    entry.settlements.push(settlement);
    for (const spell of held) {
      entry.statuses.add(spell.value);
      entry.evidence.add(spell);
    }
    byYear.set(year, entry);
  }
  return [...byYear].map(([year, { settlements, statuses, evidence }]) => {
    const days = settlements.map((s) => s.settledOn).sort();
    const inScope = settlements.reduce((sum, s) => sum + (s.selfPaidInScopeFen ?? 0), 0);
    return finding(
      'medical-assistance-missing',
      policy.version,
      view.person,
      year,
      'healthcare-security',
      bilingual(
        `该人员为${listWord([...statuses].map(statusWord))}（医疗救助对象），${listWord(days)}的${settlements.length}次住院或门诊慢特病结算政策范围内个人自付共${yuanWord(inScope)}元，均未享受医疗救助：请核查一站式结算并补办救助。`,
        `The person holds ${[...statuses].join(', ')} (a medical-assistance tier), and ${settlements.length} inpatient or chronic-outpatient settlements (${days.join(', ')}) with ${yuanWord(inScope)} yuan self-paid within the policy's scope had no medical assistance.`,
      ),
      [...settlements.map((s) => s.evidence), ...[...evidence].flatMap((s) => s.evidence)],
    );
  });
}
