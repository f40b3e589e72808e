import { entryFromValue } from './entry-from-value.js';

const record = { id: 'edu-1', type: 'education.student-aid.granted.v1', data: { grantNumber: 'ZZ2026-1', note: 'line one\r\n\tline two' } };
const problemOf = (value: unknown) => {
  const entry = entryFromValue(0, value);
  return 'unreadable' in entry ? entry.unreadable : 'read';
};

describe('one element of a submission as a record', () => {
  it('is read when it has id, type and data, text holding tabs and line ends', () => {
    expect(problemOf(record)).toBe('read');
  });

  it('is rejected when its id or type is empty or longer than 200 characters', () => {
    expect(problemOf({ ...record, id: '' })).toEqual({ path: '/id', reason: 'must be 1 to 200 characters long; it is 0' });
    expect(problemOf({ ...record, type: 't'.repeat(201) })).toEqual({ path: '/type', reason: 'must be 1 to 200 characters long; it is 201' });
  });

  it('is rejected when its id holds a control character', () => {
    expect(problemOf({ ...record, id: 'edu\n1' })).toEqual({ path: '/id', reason: 'must not hold control characters or unpaired surrogates' });
  });

  it('is rejected with the JSON pointer of a data field holding a control character, in a value or a key', () => {
    expect(problemOf({ ...record, data: { members: [{ name: 'a' }, { 'na/me': 'b\u0007' }] } })).toEqual({
      path: '/data/members/1/na~1me',
      reason: 'holds the control character U+0007; text may hold tab, line feed and carriage return, no other',
    });
    expect(problemOf({ ...record, data: { 'k\u0000': 1 } })).toMatchObject({ path: '/data/k\u0000', reason: expect.stringContaining('U+0000') });
  });

  it('is rejected with the JSON pointer of a data field holding an unpaired surrogate', () => {
    expect(problemOf({ ...record, data: { name: 'a\ud800b', emoji: '😀' } })).toEqual({ path: '/data/name', reason: 'holds an unpaired UTF-16 surrogate, which is not text' });
  });
});
