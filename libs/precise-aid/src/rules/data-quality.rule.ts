import { intersection } from '../calendar/date-interval.js';
import type { EnrolmentFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { heldSpellsOf, householdSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { schoolYearOf } from '../state/school-entry-year.js';
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
      const [a, b] = [spells[i], spells[j]];
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
    .filter((e) => policy.dataQuality.schoolTypes[e.stage] !== undefined && !policy.dataQuality.schoolTypes[e.stage].includes(e.schoolType!))
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

/** A grade in words, by its year of schooling: 学前 for the years before 义务教育, 高中阶段 after it. */
const yearWord = (year: number) => (year < -2 ? '学前（未到入园年龄）' : year <= 0 ? `学前${year + 3}年级` : year <= 9 ? `义务教育${year}年级` : `高中阶段${year - 9}年级`);

/**
 * Age vs stage: a pupil joining a term (入学, 转入, 复学) in a grade further ahead of, or behind, the
 * one their school entry year gives than the policy allows; a 学籍 error, or a pupil to look at.
 * Per enrolment record (its date is the period, so a wrong school type in the same term stays a
 * finding of its own). Routed to Education.
 */
function gradeForAge(view: PersonView, { policy }: RuleContext): Finding[] {
  const check = policy.dataQuality.gradeForAge;
  if (!check) return [];
  return view.facts.flatMap((e) => {
    if (e.kind !== 'enrolment' || (e.change !== 'enrolled' && e.change !== 'transferred') || e.schoolEntryYear === undefined || e.grade === undefined) return [];
    const first = check.firstGrade[e.stage];
    if (first === undefined) return [];
    const reported = first + e.grade - 1;
    const expected = schoolYearOf(e.term, e.schoolEntryYear);
    if (reported - expected <= check.ahead && expected - reported <= check.behind) return [];
    const gap = Math.abs(reported - expected);
    return [
      finding(
        'data-quality',
        policy.version,
        view.person,
        e.effectiveDate,
        'education',
        bilingual(
          `${termWord(e.term)}学籍为${stageWord(e.stage)}${e.grade}年级，按公民身份号码应于${e.schoolEntryYear}年秋季入学、本学期应读${yearWord(expected)}，${reported > expected ? '超前' : '滞后'}${gap}个年级，请核实学籍信息（年龄与学段不符）。`,
          `The enrolment for ${e.term} is in grade ${e.grade} of ${e.stage}; by the identity number the pupil started school in autumn ${e.schoolEntryYear}, ${gap} years ${reported > expected ? 'ahead of' : 'behind'} the grade that gives (the policy allows ${check.ahead} ahead, ${check.behind} behind).`,
        ),
        [e.evidence],
      ),
    ];
  });
}

/**
 * Data quality: one person in two households of a department at once; statuses that exclude each
 * other held at once; an enrolment whose school type does not teach its stage, or whose grade is far
 * from the one the pupil's age gives. Identity numbers
 * that fail their check never get this far: the gateway rejects them and lists them to their
 * publisher.
 */
export function dataQuality(view: PersonView, context: RuleContext): Finding[] {
  const findings = [...listedTwice(view, context), ...exclusiveStatuses(view, context), ...schoolTypeOfStage(view, context), ...gradeForAge(view, context)];
  return [...new Map(findings.map((f) => [f.findingId, f])).values()];
}
