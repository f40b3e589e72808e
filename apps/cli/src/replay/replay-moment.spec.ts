import { InputError } from '../read-input.js';
import { replayMoment } from './replay-moment.js';

describe('the moment hub replay --as-of names', () => {
  it('reads an ISO 8601 time with its offset', () => {
    expect(replayMoment('2026-09-01T12:00:00+08:00').toISOString()).toBe('2026-09-01T04:00:00.000Z');
  });

  it('takes now as the present moment', () => {
    const present = new Date('2026-12-08T00:10:00Z');
    expect(replayMoment('now', () => present)).toBe(present);
  });

  it('refuses a date without a time, or anything else, saying what it takes', () => {
    for (const text of ['2026-09-01', 'yesterday', '']) {
      expect(() => replayMoment(text)).toThrow(InputError);
      expect(() => replayMoment(text)).toThrow(`--as-of must be an ISO 8601 time such as 2026-09-01T12:00:00+08:00, or now, not "${text}"`);
    }
  });
});
