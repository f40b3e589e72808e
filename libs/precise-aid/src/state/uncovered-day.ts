import { addDays, type DateInterval, type IsoDate } from '../calendar/date-interval.js';

/**
 * The first day of `within` (open ends up to `until`) on which none of the intervals holds, or
 * undefined when they cover it all: e.g. the first day a severely disabled person was not in 低保.
 */
export function firstUncoveredDay(within: DateInterval, intervals: readonly DateInterval[], until: IsoDate): IsoDate | undefined {
  const end = within.to === null || within.to > until ? until : within.to;
  let cursor = within.from;
  for (const interval of [...intervals].sort((a, b) => a.from.localeCompare(b.from))) {
    if (cursor > end) return undefined;
    if (interval.from > cursor) break;
    if (interval.to === null) return undefined;
    if (interval.to >= cursor) cursor = addDays(interval.to, 1);
  }
  return cursor <= end ? cursor : undefined;
}
