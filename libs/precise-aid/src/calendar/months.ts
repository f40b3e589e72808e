import type { DateInterval, IsoDate } from './date-interval.js';

/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate) => date.slice(0, 7);

/** Months counted from year 0: `YYYY-MM` as one number. */
const indexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export function addMonths(month: string, count: number): string {
  return monthAt(indexOf(month) + count);
}

/** The months an interval touches, from its first to its last (an open end: up to `lastMonth`). */
export function monthsOf(interval: DateInterval, lastMonth: string): string[] {
  const months: string[] = [];
  const end = indexOf(interval.to === null || monthOf(interval.to) > lastMonth ? lastMonth : monthOf(interval.to));
  for (let index = indexOf(monthOf(interval.from)); index <= end; index++) months.push(monthAt(index));
  return months;
}
