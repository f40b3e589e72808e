import type { DateInterval, IsoDate } from './date-interval.js';

/** When school terms run: month-day of start and end for autumn (crossing the new year) and spring. */
export interface TermCalendar {
  autumn: { start: string; end: string };
  spring: { start: string; end: string };
}

const TERM = /^(\d{4})-(spring|autumn)$/;

/** A term (`2026-autumn`) as the days it runs; the autumn term ends in the next year. */
export function termInterval(term: string, calendar: TermCalendar): DateInterval {
  const match = TERM.exec(term);
  if (!match) throw new RangeError(`"${term}" is not a term (YYYY-spring or YYYY-autumn)`);
  const year = Number(match[1]);
  if (match[2] === 'spring') return { from: `${year}-${calendar.spring.start}`, to: `${year}-${calendar.spring.end}` };
  return { from: `${year}-${calendar.autumn.start}`, to: `${year + 1}-${calendar.autumn.end}` };
}

/** The term after one: the autumn after a spring, the next year's spring after an autumn. */
export function nextTerm(term: string): string {
  const match = TERM.exec(term);
  if (!match) throw new RangeError(`"${term}" is not a term (YYYY-spring or YYYY-autumn)`);
  return match[2] === 'spring' ? `${match[1]}-autumn` : `${Number(match[1]) + 1}-spring`;
}

/** The last day of a finding's period when it is a year (`2026`) or a term (`2026-autumn`); null for any other period (a date). */
export function periodEnd(period: string, calendar: TermCalendar): IsoDate | null {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  return TERM.test(period) ? termInterval(period, calendar).to : null;
}

/** A calendar year (insurance years are calendar years). */
export function yearInterval(year: number): DateInterval {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
