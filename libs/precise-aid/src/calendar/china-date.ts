import type { IsoDate } from './date-interval.js';

/** The day in China (UTC+8) of a moment: statuses, terms and findings are judged in local dates. */
export const chinaDate = (moment: Date): IsoDate => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
