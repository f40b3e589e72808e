import { addDays, type IsoDate } from '../calendar/date-interval.js';
import { nextTerm, termInterval } from '../calendar/periods.js';
import type { Evidence } from '../facts/evidence.js';
import type { EnrolmentFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { eligibilityDuring } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
import { schoolEntryYearOf } from '../state/school-entry-year.js';
import type { RuleContext } from './rule.js';

/** The 学籍异动 that put a pupil out of school (version 2); a version 1 `left` names no reason and counts too. */
const OUT_OF_SCHOOL_WORDS: Readonly<Record<string, string>> = { 'dropped-out': '辍学', suspended: '休学', 'transferred-out': '转出后未见转入', left: '离校' };

const joins = (e: EnrolmentFact) => e.change === 'enrolled' || e.change === 'transferred';
const byEffectiveOrder = (a: EnrolmentFact, b: EnrolmentFact) => a.effectiveDate.localeCompare(b.effectiveDate) || a.evidence.knownAt.localeCompare(b.evidence.knownAt);

/** A term in which a pupil was out of school, from when, and what happened, as officers say it. */
interface OutOfSchool {
  term: string;
  stage: string;
  grade: number | undefined;
  /** The day the pupil left; absent when they did not come back for the term (its start). */
  since?: IsoDate;
  /** e.g. 2026年秋季学期自2026-10-15起辍学, or 2026年春季学期在读，2026年秋季学期未见注册学籍. */
  what: string;
  /** For a child of school age whom no school has enrolled: the year they were to start. */
  entryYear?: number;
  evidence: Evidence[];
}

/**
 * The terms in which a pupil of a stage they must complete was out of school: left during a term
 * (辍学, 休学, 转出) and not back since; or not enrolled for the term after one they were in, unless
 * that one completed the stage (the last grade, in a spring term) or ended with 毕业 or 死亡.
 */
function outOfSchool(enrolments: readonly EnrolmentFact[], lastGrades: Readonly<Record<string, number>>): OutOfSchool[] {
  const sorted = [...enrolments].sort(byEffectiveOrder);
  const byTerm = new Map<string, EnrolmentFact[]>();
  for (const e of sorted) byTerm.set(e.term, [...(byTerm.get(e.term) ?? []), e]);
  const found: OutOfSchool[] = [];
  for (const [term, facts] of byTerm) {
    const last = facts.at(-1)!;
    const lastGrade = lastGrades[last.stage];
    if (lastGrade === undefined) continue;
    if (last.change === 'left' && last.reason !== 'deceased') {
      const backSince = sorted.some((e) => joins(e) && e.effectiveDate > last.effectiveDate);
      const why = OUT_OF_SCHOOL_WORDS[last.reason ?? 'left'] ?? last.reason!;
      if (!backSince) found.push({ term, stage: last.stage, grade: last.grade, since: last.effectiveDate, what: `${termWord(term)}自${last.effectiveDate}起${why}`, evidence: [last.evidence] });
      continue;
    }
    if (!joins(last)) continue;
    const completes = term.endsWith('-spring') && last.grade !== undefined && last.grade >= lastGrade;
    const next = nextTerm(term);
    if (completes || byTerm.has(next)) continue;
    found.push({ term: next, stage: last.stage, grade: last.grade, what: `${termWord(term)}在读，${termWord(next)}未见注册学籍`, evidence: [last.evidence] });
  }
  return found;
}

/**
 * The terms in which a child of school age (户籍 vs 学籍: by the entry year, in one of the stage's
 * grades) had been enrolled by no school at all, with the grade they would be in: those that began
 * from the day the policy judges from up to `until`.
 */
function neverEnrolled(entryYear: number, enrolments: readonly EnrolmentFact[], stage: string, lastGrade: number, { policy, until }: RuleContext): OutOfSchool[] {
  const starts = enrolments.map((e) => termInterval(e.term, policy.terms).from);
  const firstEnrolled = starts.length === 0 ? undefined : starts.reduce((a, b) => (a < b ? a : b));
  const found: OutOfSchool[] = [];
  for (let grade = 1; grade <= lastGrade; grade++) {
    // The two terms of the school year in which the child is in this grade (schoolYearOf's inverse).
    const year = entryYear + grade - 1;
    for (const term of [`${year}-autumn`, `${year + 1}-spring`]) {
      const from = termInterval(term, policy.terms).from;
      if (from > until || (firstEnrolled !== undefined && firstEnrolled <= from)) return found;
      // The departments' enrolment history before the hub is not complete, so terms that began before it judges are left alone.
      if (policy.judgedFrom !== null && from < policy.judgedFrom) continue;
      found.push({ term, stage, grade, entryYear, what: `${entryYear}年秋季适龄入学，${termWord(term)}应读${stageWord(stage)}${grade}年级，未见任何学校注册学籍`, evidence: [] });
    }
  }
  return found;
}

/** What officers read: the pupil or child, why the hub follows them, what happened, and what to do. */
function explanation(out: OutOfSchool, bases: string[], graceDays: number) {
  const statuses = listWord([...new Set(bases.map(statusWord))]);
  if (out.entryYear !== undefined) {
    return bilingual(
      `该儿童（${statuses}）${out.what}，已逾${graceDays}天：请核查是否失学并劝返入学，或送教上门（控辍保学）。`,
      `The child (${bases.join(', ')}) is of school age (to start in autumn ${out.entryYear}; grade ${out.grade} of ${out.stage} in ${out.term}) and no school has enrolled them, for more than ${graceDays} days.`,
    );
  }
  const grade = out.grade === undefined ? '' : `${out.grade}年级`;
  return bilingual(
    `该生（${stageWord(out.stage)}${grade}，${statuses}）${out.what}，已逾${graceDays}天：请核查并劝返或送教上门（控辍保学）。`,
    `The pupil (${out.stage}${out.grade === undefined ? '' : `, grade ${out.grade}`}; ${bases.join(', ')}) is out of school in ${out.term}${out.since ? ` since ${out.since}` : ': enrolled the term before, not this one'}, for more than ${graceDays} days.`,
  );
}

/**
 * 控辍保学 (dropout-risk): a pupil followed by the policy (a member of an assisted or monitored
 * household, a child with a status of their own, a certificate holder) in a stage they must
 * complete, out of school in a term once the grace days have passed: 辍学, 休学 or 转出 with no
 * return, or not enrolled for the term after one they were in; and (policy 1.4.0) a followed child
 * of school age whom no school has enrolled. Routed to Education (劝返, or 送教上门).
 */
export function dropoutRisk(view: PersonView, context: RuleContext): Finding[] {
  const { policy, until } = context;
  const schooling = policy.schooling;
  if (!schooling) return [];
  const enrolments = view.facts.filter((f): f is EnrolmentFact => f.kind === 'enrolment');
  const kinds = { categories: schooling.categories, monitoringTypes: schooling.monitoringTypes, ownDisability: schooling.certificateHolders, parentDisability: false };
  const findings = new Map<string, Finding>();
  const entryYear = schooling.schoolAgeStage === null ? undefined : schoolEntryYearOf(view);
  const lastGrade = schooling.schoolAgeStage === null ? undefined : schooling.lastGrades[schooling.schoolAgeStage];
  const unenrolled = entryYear === undefined || lastGrade === undefined ? [] : neverEnrolled(entryYear, enrolments, schooling.schoolAgeStage!, lastGrade, context);
  for (const out of [...outOfSchool(enrolments, schooling.lastGrades), ...unenrolled]) {
    const interval = termInterval(out.term, policy.terms);
    const since = out.since ?? interval.from;
    if (addDays(since, schooling.graceDays) > until || findings.has(out.term)) continue;
    const followed = eligibilityDuring(view, interval, kinds, 1, until);
    if (followed.length === 0) continue;
    findings.set(
      out.term,
      finding(
        'dropout-risk',
        policy.version,
        view.person,
        out.term,
        'education',
        explanation(
          out,
          followed.map((b) => b.basis),
          schooling.graceDays,
        ),
        [...out.evidence, ...followed.flatMap((b) => b.evidence)],
      ),
    );
  }
  return [...findings.values()];
}
