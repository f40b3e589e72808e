import type { EntityManager } from 'typeorm';

/** The rows of crosscheck_judging_lock (buckets 0 to 65535). */
export const JUDGING_LOCK_BUCKETS = 65536;

/**
 * Each key (a person or a household) hashes onto one of the rows of crosscheck_judging_lock; the
 * rows are locked in bucket order, so two batches locking at once wait for each other instead of
 * deadlocking. Two keys on one row only make two batches wait that need not. The bucket of a key
 * (`judgingKeys`) in SQL:
 */
export const judgingLockBucket = (keySql: string): string => `hashtext(${keySql}) & ${JUDGING_LOCK_BUCKETS - 1}`;

const HOLD = `
  SELECT bucket FROM crosscheck_judging_lock
   WHERE bucket = ANY (SELECT DISTINCT ${judgingLockBucket('k')} FROM unnest($1::text[]) AS k)
   ORDER BY bucket FOR UPDATE`;

/** Holds persons and households for the caller's transaction: another crosscheck instance judging any of them waits until it ends. */
export class JudgingLocks {
  async hold(manager: EntityManager, keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await manager.query(HOLD, [keys]);
  }
}
