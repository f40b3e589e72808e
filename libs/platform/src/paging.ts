import { ErrorCode, HubError } from '@hub/errors';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** A page of items and the cursor of the next one (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageSize(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  const size = Number(limit);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new HubError(ErrorCode.BadRequest, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return size;
}

export function cursor(after: string | undefined): string | undefined {
  if (after !== undefined && !/^\d{1,18}$/.test(after)) throw new HubError(ErrorCode.BadRequest, 'after must be a cursor the previous page returned');
  return after;
}

export function page<T>(items: T[], size: number, cursorOf: (item: T) => string): Page<T> {
  return { items, nextCursor: items.length === size ? cursorOf(items.at(-1)!) : null };
}
