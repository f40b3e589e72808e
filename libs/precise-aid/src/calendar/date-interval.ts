/** A calendar date, `YYYY-MM-DD`; compared as text, which orders dates correctly. */
export type IsoDate = string;

/** Days from `from` to `to`, both included; `to` null means still in force. */
export interface DateInterval {
  from: IsoDate;
  to: IsoDate | null;
}

const DAY_MS = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function contains(interval: DateInterval, date: IsoDate): boolean {
  return interval.from <= date && (interval.to === null || date <= interval.to);
}

/** The days both intervals cover, or undefined when they do not meet. */
export function intersection(a: DateInterval, b: DateInterval): DateInterval | undefined {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to === null ? b.to : b.to === null ? a.to : a.to < b.to ? a.to : b.to;
  return to !== null && to < from ? undefined : { from, to };
}

/** How many days both intervals cover (an open end counts up to `until`). */
export function overlapDays(a: DateInterval, b: DateInterval, until: IsoDate): number {
  const both = intersection(a, b);
  if (!both) return 0;
  const end = both.to === null || both.to > until ? until : both.to;
  return end < both.from ? 0 : daysBetween(both.from, end) + 1;
}
