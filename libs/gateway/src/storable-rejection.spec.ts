import { storableRejection } from './storable-rejection.js';

describe('a rejected record as the gateway keeps it', () => {
  it('is the record itself when PostgreSQL can hold it', () => {
    const record = { id: 'a', type: 't', data: { n: 1, list: [null, true, '资助'] } };
    expect(storableRejection(record)).toEqual(record);
  });

  it('has U+2400 in place of each NUL character, in values and in keys', () => {
    expect(storableRejection({ 'k\u0000': ['a\u0000b'] })).toEqual({ 'k\u2400': ['a\u2400b'] });
  });

  it('has U+FFFD in place of an unpaired surrogate, which is not text', () => {
    expect(storableRejection({ reason: "Unexpected token '\ud800'" })).toEqual({ reason: "Unexpected token '\ufffd'" });
  });

  it('is the start of its JSON text, marked as cut, when it is larger than 64 KiB', () => {
    const kept = storableRejection({ text: 'x'.repeat(100_000) }) as { truncatedByHub: boolean; originalCharacters: number; start: string };
    expect(kept).toMatchObject({ truncatedByHub: true, originalCharacters: 100_011 });
    expect(kept.start).toHaveLength(65_536);
    expect(kept.start.startsWith('{"text":"xxx')).toBe(true);
  });

  it('is null for a record that was nothing at all', () => {
    expect(storableRejection(undefined)).toBeNull();
  });
});
