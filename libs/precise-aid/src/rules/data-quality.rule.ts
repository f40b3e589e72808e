import { intersection } from '../calendar/date-interval.js';
import type { EnrolmentFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { heldSpellsOf, householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import type { RuleContext } from './rule.js';

/**
 * One person listed in two households of the same department at once (households of different
 * departments have different numbers, so only one department's can be compared). Routed to that
 * department.
 */
function listedTwice(view: PersonView, { policy }: RuleContext): Finding[] {
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
  return findings;
}

/** A person holding two statuses that exclude each other (特困 and 低保) at once, in one household or two. Routed to Civil Affairs. */
function exclusiveStatuses(view: PersonView, { policy }: RuleContext): Finding[] {
  const held = heldSpellsOf(view);
  return policy.dataQuality.exclusiveCategories.flatMap(([first, ...others]) =>
    held
      .filter((a) => a.value === first)
      .flatMap((a) =>
        held
          .filter((b) => others.includes(b.value))
          .flatMap((b) => {
            const both = intersection(a.interval, b.interval);
            if (!both) return [];
            return [
              finding(
                'data-quality',
                policy.version,
                view.person,
                both.from,
                'civil-affairs',
                bilingual(
                  `该人员自${both.from}起同时享受${statusWord(a.value)}和${statusWord(b.value)}，二者不应同时享受，请核实。`,
                  `The person holds ${a.value} and ${b.value} at once from ${both.from}, which exclude each other.`,
                ),
                [...a.evidence, ...b.evidence],
              ),
            ];
          }),
      ),
  );
}

/** An enrolment at a school whose type (学校标识码) does not teach its stage, e.g. 普通高中 at a 小学. Routed to Education. */
function schoolTypeOfStage(view: PersonView, { policy }: RuleContext): Finding[] {
  return view.facts
    .filter((f): f is EnrolmentFact => f.kind === 'enrolment' && f.schoolType !== undefined)
    .filter((e) => policy.dataQuality.schoolTypes[e.stage] !== undefined && !policy.dataQuality.schoolTypes[e.stage]!.includes(e.schoolType!))
    .map((e) =>
      finding(
        'data-quality',
        policy.version,
        view.person,
        e.term,
        'education',
        bilingual(
          `${termWord(e.term)}学籍的学段为${stageWord(e.stage)}，但学校标识码的学校类型为${e.schoolType}，二者不符，请核实。`,
          `The enrolment for ${e.term} is in ${e.stage}, at a school of type ${e.schoolType}, which does not teach it.`,
        ),
        [e.evidence],
      ),
    );
}

/**
 * Data quality: one person in two households of a department at once; statuses that exclude each
 * other held at once; an enrolment whose school type does not teach its stage. Identity numbers
 * that fail their check never get this far: the gateway rejects them and lists them to their
 * publisher.
 */
export function dataQuality(view: PersonView, context: RuleContext): Finding[] {
  const findings = [...listedTwice(view, context), ...exclusiveStatuses(view, context), ...schoolTypeOfStage(view, context)];
  return [...new Map(findings.map((f) => [f.findingId, f])).values()];
}
