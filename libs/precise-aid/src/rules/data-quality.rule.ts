import { intersection } from '../calendar/date-interval.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, statusWord } from '../findings/officer-words.js';
import { householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/**
 * Data quality: one person listed in two households of the same department at once (households of
 * different departments have different numbers, so only one department's can be compared). Routed
 * to that department. Identity numbers that fail their check never get this far: the gateway
 * rejects them and lists them to their publisher.
 */
export function dataQuality(view: PersonView, { policy }: RuleContext): Finding[] {
  const spells = householdSpellsOf(view);
  const findings: Finding[] = [];
  for (let i = 0; i < spells.length; i++) {
    for (let j = i + 1; j < spells.length; j++) {
      const [a, b] = [spells[i]!, spells[j]!];
      const department = (spell: typeof a) => (spell.value.startsWith('monitored:') ? 'rural-revitalisation' : 'civil-affairs');
      if (a.household === b.household || department(a) !== department(b)) continue;
      const both = intersection(a.interval, b.interval);
      if (!both) continue;
      findings.push(
        finding(
          'data-quality',
          policy.version,
          view.person,
          both.from,
          department(a),
          bilingual(
            `该人员自${both.from}起同时登记在两个家庭中：一户为${statusWord(a.value)}，一户为${statusWord(b.value)}（重复享受风险）。`,
            `The person is listed in two households at once from ${both.from}: one with ${a.value}, one with ${b.value}.`,
          ),
          [...a.evidence, ...b.evidence],
        ),
      );
    }
  }
  return [...new Map(findings.map((f) => [f.findingId, f])).values()];
}
