import { addDays, type IsoDate } from '../calendar/date-interval.js';
import { nextTerm, termInterval } from '../calendar/periods.js';
import type { Evidence } from '../facts/evidence.js';
import type { EnrolmentFact } from '../facts/fact.js';
import { finding, type Finding } from '../findings/finding.js';
import { bilingual, listWord, stageWord, statusWord, termWord } from '../findings/officer-words.js';
import { eligibilityDuring } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';
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
 * 控辍保学 (dropout-risk): a pupil followed by the policy (a member of an assisted or monitored
 * household, a child with a status of their own, a certificate holder) in a stage they must
 * complete, out of school in a term once the grace days have passed: 辍学, 休学 or 转出 with no
 * return, or not enrolled for the term after one they were in. Routed to Education (劝返, or 送教上门).
 */
export function dropoutRisk(view: PersonView, { policy, until }: RuleContext): Finding[] {
  const schooling = policy.schooling;
  if (!schooling) return [];
  const enrolments = view.facts.filter((f): f is EnrolmentFact => f.kind === 'enrolment');
  const kinds = { categories: schooling.categories, monitoringTypes: schooling.monitoringTypes, ownDisability: schooling.certificateHolders, parentDisability: false };
  const findings = new Map<string, Finding>();
  for (const out of outOfSchool(enrolments, schooling.lastGrades)) {
    const interval = termInterval(out.term, policy.terms);
    const since = out.since ?? interval.from;
    if (addDays(since, schooling.graceDays) > until || findings.has(out.term)) continue;
    const followed = eligibilityDuring(view, interval, kinds, 1, until);
    if (followed.length === 0) continue;
    const grade = out.grade === undefined ? '' : `${out.grade}年级`;
    findings.set(
      out.term,
      finding(
        'dropout-risk',
        policy.version,
        view.person,
        out.term,
        'education',
        bilingual(
          `该生（${stageWord(out.stage)}${grade}，${listWord([...new Set(followed.map((b) => statusWord(b.basis)))])}）${out.what}，已逾${schooling.graceDays}天：请核查并劝返或送教上门（控辍保学）。`,
          `The pupil (${out.stage}${out.grade === undefined ? '' : `, grade ${out.grade}`}; ${followed.map((b) => b.basis).join(', ')}) is out of school in ${out.term}${out.since ? ` since ${out.since}` : ': enrolled the term before, not this one'}, for more than ${schooling.graceDays} days.`,
        ),
        [...out.evidence, ...followed.flatMap((b) => b.evidence)],
      ),
    );
  }
  return [...findings.values()];
}
