import { InputError } from '../read-input.js';

/** `--as-of`: an ISO 8601 time, or `now` (what an auditor checking the hub today means). */
export function replayMoment(text: string, now: () => Date = () => new Date()): Date {
  if (text === 'now') return now();
  const parsed = /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime())) throw new InputError(`--as-of must be an ISO 8601 time such as 2026-09-01T12:00:00+08:00, or now, not "${text}"`);
  return parsed;
}
