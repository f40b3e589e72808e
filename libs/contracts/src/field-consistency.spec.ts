import { consistencyViolations, type ConsistencyCheck } from './field-consistency.js';

const CERTIFICATE: ConsistencyCheck[] = [
  { field: 'certificateNumber', embeds: 'idNumber', at: 0 },
  { field: 'certificateNumber', codeAt: 18, of: 'category', codes: { physical: '4', intellectual: '5' } },
  { field: 'certificateNumber', codeAt: 19, of: 'grade', codes: { '1': '1', '2': '2' } },
];
const STUDENT: ConsistencyCheck[] = [{ field: 'studentNumber', embeds: 'idNumber', at: 1, when: 'G' }];
const ID = '640402201307081023';

describe('checks across fields (x-hub-consistency)', () => {
  it('accepts a 残疾人证号 that is the identity number, the category digit and the grade digit', () => {
    expect(consistencyViolations(CERTIFICATE, { certificateNumber: `${ID}52`, idNumber: ID, category: 'intellectual', grade: 2 })).toEqual([]);
  });

  it('names the field and the characters that disagree, never the values', () => {
    const violations = consistencyViolations(CERTIFICATE, { certificateNumber: `64040220130708101541`, idNumber: ID, category: 'intellectual', grade: 2 });
    expect(violations).toEqual([
      { instancePath: '/certificateNumber', message: "characters 1 to 18 must be the record's idNumber (the number embeds it)" },
      { instancePath: '/certificateNumber', message: "character 19 must be 5, the code of the record's category" },
      { instancePath: '/certificateNumber', message: "character 20 must be 2, the code of the record's grade" },
    ]);
    expect(JSON.stringify(violations)).not.toContain('640402');
  });

  it('checks a 学籍号 only when it starts G (J and L numbers do not embed the identity number)', () => {
    expect(consistencyViolations(STUDENT, { studentNumber: `G${ID}`, idNumber: ID })).toEqual([]);
    expect(consistencyViolations(STUDENT, { studentNumber: 'G640104201204150520', idNumber: ID })).toHaveLength(1);
    expect(consistencyViolations(STUDENT, { studentNumber: 'L640104201204150520', idNumber: ID })).toEqual([]);
  });

  it("leaves a missing field, or a value with no code, to the schema's own rules", () => {
    expect(consistencyViolations(CERTIFICATE, { idNumber: ID, category: 'intellectual', grade: 2 })).toEqual([]);
    expect(consistencyViolations(CERTIFICATE, { certificateNumber: `${ID}52`, idNumber: ID, category: 'unknown', grade: 2 })).toEqual([]);
  });
});
