import type { DateInterval, IsoDate } from './date-interval.js';

/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate) => date.slice(0, 7);

export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months an interval touches, from its first to its last (an open end: up to `lastMonth`). */
export function monthsOf(interval: DateInterval, lastMonth: string): string[] {
  const months: string[] = [];
  const end = interval.to === null || monthOf(interval.to) > lastMonth ? lastMonth : monthOf(interval.to);
  for (let month = monthOf(interval.from); month <= end; month = addMonths(month, 1)) months.push(month);
  return months;
}
