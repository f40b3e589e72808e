import type { EntityManager } from 'typeorm';
import { personJudgingKey } from './judging-keys.js';
import type { DeferredTake, DeferredTaken } from './deferred-take.js';
import { judgingLockBucket } from './judging-locks.js';

/**
 * The persons whose judging a department's bulk load put off (`crosscheck_deferred_judgement`),
 * and the loads whose department is loading now (open, not given up): the methods are StateBatch's,
 * and BulkLoadHold's for which loads still have persons to judge.
 */
export class DeferredJudgements {
  /** Each loading department's load (its earliest, where it has several open). */
  async loadingDepartments(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { department: string; load_id: string }[] = await manager.query(
      'SELECT DISTINCT ON (department) department, load_id FROM crosscheck_bulk_load WHERE judged_at IS NULL AND closed_at IS NULL ORDER BY department, opened_at',
    );
    return new Map(rows.map((row) => [row.department, row.load_id]));
  }

  /** Notes the persons, each beside the bucket of its judging lock. */
  async defer(manager: EntityManager, loadId: string, persons: readonly string[]): Promise<void> {
    if (persons.length === 0) return;
    await manager.query(
      `INSERT INTO crosscheck_deferred_judgement (load_id, bucket, person) SELECT $1, ${judgingLockBucket('k')}, p FROM unnest($2::varchar[], $3::text[]) AS u (p, k) ON CONFLICT DO NOTHING`,
      [loadId, persons, persons.map(personJudgingKey)],
    );
  }

  /**
   * Takes off the list the persons the loads put off of up to `take.buckets` judging-lock buckets
   * after `take.after`, each with its rows of every one of the loads, so that a person several
   * loads touched is judged once (BulkLoadHold waits for the loads under way); a person's rows are
   * all in the bucket of their judging lock. A load not among them keeps its rows: its later records
   * may not be stored yet. The take holds the judging locks of the buckets it takes, for the
   * caller's transaction, and skips a bucket another transaction holds (another taker, or a batch
   * judging one of its persons): takers never wait on each other, however many crosscheck
   * instances take at once, and none takes what another took. A rollback puts the rows back.
   */
  async take(manager: EntityManager, loadIds: readonly string[], take: DeferredTake): Promise<DeferredTaken> {
    // OFFSET 0 keeps the EXISTS a probe of each bucket in turn, not a join over every deferred row.
    // TypeORM answers a DELETE ... RETURNING on PostgreSQL as [rows, affected].
    const [rows]: [{ bucket: number; person: string }[], number] = await manager.query(
      `WITH held AS MATERIALIZED (
         SELECT l.bucket FROM crosscheck_judging_lock l
          WHERE l.bucket > $2 AND EXISTS (SELECT 1 FROM crosscheck_deferred_judgement d WHERE d.bucket = l.bucket AND d.load_id = ANY($1::uuid[]) OFFSET 0)
          ORDER BY l.bucket LIMIT $3 FOR UPDATE SKIP LOCKED)
       DELETE FROM crosscheck_deferred_judgement d USING held WHERE d.bucket = held.bucket AND d.load_id = ANY($1::uuid[])
       RETURNING d.bucket, d.person`,
      [loadIds, take.after, take.buckets],
    );
    if (rows.length === 0) return { persons: [] };
    return { persons: [...new Set(rows.map((row) => row.person))].sort(), lastBucket: rows.reduce((last, row) => Math.max(last, row.bucket), -1) };
  }

  /** The loads with persons still to judge, each with when it opened and whether it is released already (judged, or given up). */
  async loadsWithPersonsLeft(manager: EntityManager): Promise<{ loadId: string; openedAt: string; released: boolean }[]> {
    const rows: { load_id: string; opened_at: Date; released: boolean }[] = await manager.query(
      `SELECT load_id, opened_at, judged_at IS NOT NULL AS released FROM crosscheck_bulk_load l WHERE EXISTS (SELECT 1 FROM crosscheck_deferred_judgement d WHERE d.load_id = l.load_id)`,
    );
    return rows.map((row) => ({ loadId: row.load_id, openedAt: row.opened_at.toISOString(), released: row.released }));
  }
}
