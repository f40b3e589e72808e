import type { Evidence } from '../facts/evidence.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, statusWord } from '../findings/officer-words.js';
import type { Policy } from '../policy/policy.js';
import type { PersonView } from '../state/person-view.js';
import { enrolmentsByYear, statusesByYear } from './insurance-years.js';
import type { RuleContext } from './rule.js';

/** The household statuses each premium-subsidy basis of the enrolment contract rests on; `other` names none the hub can check. */
const BASIS_STATUSES: Readonly<Record<string, readonly string[]>> = {
  dibao: ['dibao'],
  'extreme-poverty': ['extreme-poverty'],
  'marginal-low-income': ['marginal-low-income'],
  'poverty-alleviated': ['monitored:poverty-alleviated'],
  monitored: ['monitored:unstable-alleviated', 'monitored:marginal-vulnerable', 'monitored:sudden-hardship'],
};

type Tier = 'full' | 'fixed';
const TIER_NAMES: Record<Tier, string> = { full: '全额 (full)', fixed: '定额 (fixed)' };
const TIER_WORDS: Record<Tier, string> = { full: '全额资助', fixed: '定额资助' };
/** The premium-subsidy bases of the enrolment contract, as officers name them. */
const BASIS_WORDS: Readonly<Record<string, string>> = {
  dibao: '低保',
  'extreme-poverty': '特困',
  'marginal-low-income': '低保边缘',
  'poverty-alleviated': '脱贫人口',
  monitored: '监测对象',
  disability: '残疾人',
  other: '其他',
};

function tierOf(statuses: readonly string[], tiers: NonNullable<Policy['insurance']['premiumSubsidy']>): Tier | undefined {
  if (statuses.some((s) => tiers.full.includes(s))) return 'full';
  return statuses.some((s) => tiers.fixed.includes(s)) ? 'fixed' : undefined;
}

/**
 * 参保资助 as the policy says: an enrolled member of a household whose status calls for a premium
 * subsidy in a year, enrolled with none (资助未落实), or with a lower tier than the status calls for
 * (定额 where 全额 is due), or subsidised on a basis that does not hold that year (资助依据失效).
 * Routed to Healthcare Security. Records the hub stored before it read the subsidy are not judged.
 */
export function insuranceSubsidyMismatch(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const tiers = policy.insurance.premiumSubsidy;
  if (!tiers) return [];
  const enrolments = enrolmentsByYear(view, policy.insurance);
  const held = statusesByYear(view, () => true, Number(until.slice(0, 4)));
  const findings: Finding[] = [];
  for (const [year, enrolment] of [...enrolments].sort(([a], [b]) => a - b)) {
    if (enrolment.status !== 'enrolled' || enrolment.subsidyBasis === undefined) continue;
    const spells = held.get(year) ?? [];
    const statuses = spells.map((s) => s.value);
    const due = tierOf(statuses, tiers);
    const basis = enrolment.subsidyBasis;
    const basisStatuses = basis === null ? undefined : BASIS_STATUSES[basis];
    const heldWords = listWord(statuses.map(statusWord));
    const basisWord = basis === null ? '' : (BASIS_WORDS[basis] ?? basis);
    const problems: [string, string][] = [];
    if (due && basis === null)
      problems.push([`未享受参保资助，${heldWords}应享受${TIER_WORDS[due]}（资助未落实）`, `no premium subsidy, where ${statuses.join(', ')} calls for a ${TIER_NAMES[due]} subsidy`]);
    if (due === 'full' && basisStatuses && tierOf(basisStatuses, tiers) === 'fixed')
      problems.push([`按${basisWord}享受定额资助，${heldWords}应享受全额资助`, `a ${TIER_NAMES.fixed} subsidy on ${basis}, where ${statuses.join(', ')} calls for ${TIER_NAMES.full}`]);
    if (basisStatuses && !basisStatuses.some((s) => statuses.includes(s)))
      problems.push([`资助依据${basisWord}在${year}年已不成立（资助依据失效）`, `a subsidy on ${basis}, which does not hold in ${year}`]);
    if (problems.length === 0) continue;
    const evidence: Evidence[] = [...enrolment.evidence, ...spells.flatMap((s) => s.evidence)];
    const explanation = bilingual(`该人员${year}年参保${problems.map(([zh]) => zh).join('；')}。`, `The ${year} enrolment has ${problems.map(([, en]) => en).join('; and ')}.`);
    findings.push(finding('insurance-subsidy-mismatch', policy.version, view.person, String(year), 'healthcare-security', explanation, evidence));
  }
  return findings;
}
