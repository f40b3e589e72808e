/**
 * Time moves findings (issue 21): the crosscheck judges a person again on the next day their
 * findings may change with no new event. These specs check the day it picks, and that no finding
 * changes on any day before it.
 */
import { addDays, evaluatePerson, nextReviewDate, POLICY_2026, type Fact, type IsoDate } from '@hub/precise-aid';
import { aid, CERTIFICATE, enrolment, ENROLMENT_V2, enrolmentV2, fact, FATHER, INSURANCE, status, STUDENT, SUBSIDY, viewOf } from './scenario.js';

/** A 学籍异动 of a grade 7 pupil (contract version 2). */
const schooling = (term: string, change: string, effectiveDate: string) =>
  fact(ENROLMENT_V2, { idNumber: STUDENT, term, stage: 'compulsory', grade: 7, change, effectiveDate, boarding: false, residence: 'rural' });

const review = (person: string, facts: Fact[], until: IsoDate) => nextReviewDate(viewOf(person, facts), POLICY_2026, until);
const judged = (person: string, facts: Fact[], until: IsoDate) =>
  evaluatePerson(viewOf(person, facts), { policy: POLICY_2026, until })
    .map((f) => `${f.findingId} ${f.explanation}`)
    .join('\n');

describe("the next day time alone may change a person's findings", () => {
  it('is the day the term begins, for a student enrolled ahead of it', () => {
    expect(review(STUDENT, [status('dibao', 'granted', '2026-03-01'), enrolment('2026-autumn')], '2026-08-20')).toBe('2026-09-01');
  });

  it("is the day a status begun in the term reaches the term's minimum days", () => {
    expect(review(STUDENT, [status('dibao', 'granted', '2026-10-01'), enrolment('2026-autumn')], '2026-10-05')).toBe('2026-10-30');
  });

  it('is the first of next month for a certificate holder (another subsidy month falls due)', () => {
    expect(review(FATHER, [fact(CERTIFICATE, { idNumber: FATHER, category: 'physical', grade: 1, change: 'issued', effectiveDate: '2026-01-10' })], '2026-11-30')).toBe('2026-12-01');
  });

  it('is the first of January for a member of an assisted household (another insurance year)', () => {
    expect(review(FATHER, [status('dibao', 'granted', '2026-03-01')], '2026-12-31')).toBe('2027-01-01');
  });

  it('is the day after a known end date, when that comes first', () => {
    expect(review(FATHER, [status('dibao', 'granted', '2026-03-01', '2026-12-15')], '2026-12-01')).toBe('2026-12-16');
  });

  it("is none when every date the person's facts name has passed", () => {
    expect(review(STUDENT, [aid('2026-autumn')], '2027-01-05')).toBeNull();
  });

  it("is the day after an aid item's payment deadline, when missed aid is judged", () => {
    expect(review(STUDENT, [enrolment('2026-autumn')], '2026-11-30')).toBe('2027-01-01');
  });

  it('is the day 30 days after the next term begins, for a pupil 控辍保学 follows (policy 1.3.0)', () => {
    expect(review(STUDENT, [status('dibao', 'granted', '2026-03-01'), schooling('2026-autumn', 'enrolled', '2026-09-01')], '2027-03-01')).toBe('2027-03-17');
  });

  it('leaves no day before it on which the findings differ: judged day by day through a school year', () => {
    const END = '2027-08-01';
    const scenarios: [string, Fact[]][] = [
      [STUDENT, [status('dibao', 'granted', '2026-10-01'), enrolment('2026-autumn'), enrolment('2027-spring', 'enrolled', '2027-02-15')]],
      [STUDENT, [enrolmentV2('2027-spring', 'secondary-vocational', { boarding: false, residence: 'rural', regionCode: '640422' }, '2027-02-15')]],
      [STUDENT, [status('dibao', 'granted', '2026-03-01', '2026-09-20'), aid('2026-autumn')]],
      [
        FATHER,
        [
          fact(CERTIFICATE, { idNumber: FATHER, category: 'physical', grade: 2, change: 'issued', effectiveDate: '2026-08-10' }),
          fact(SUBSIDY, { idNumber: FATHER, subsidyType: 'care', month: '2026-12' }),
        ],
      ],
      [FATHER, [status('extreme-poverty', 'granted', '2026-11-01'), fact(INSURANCE, { idNumber: FATHER, year: 2026, status: 'enrolled', insuranceType: 'basic-medical', premiumSubsidy: null })]],
      [STUDENT, [status('dibao', 'granted', '2026-03-01'), schooling('2026-autumn', 'enrolled', '2026-09-01')]],
      [STUDENT, [status('dibao', 'granted', '2026-03-01'), schooling('2026-autumn', 'enrolled', '2026-09-01'), schooling('2026-autumn', 'dropped-out', '2026-10-15')]],
    ];
    const missed: string[] = [];
    for (const [person, facts] of scenarios) {
      for (let day = '2026-08-01'; day < END;) {
        const next = review(person, facts, day);
        const before = judged(person, facts, day);
        for (let between = addDays(day, 1); between < (next ?? END) && between < END; between = addDays(between, 1)) {
          if (judged(person, facts, between) !== before) missed.push(`${person} changed on ${between}, before the review of ${next} set on ${day}`);
        }
        if (next === null) break;
        day = next;
      }
    }
    expect(missed).toEqual([]);
  });
});
