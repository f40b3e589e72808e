import type { EntityManager } from 'typeorm';
import { personJudgingKey } from './judging-keys.js';
import { JUDGING_LOCK_BUCKETS, judgingLockBucket } from './judging-locks.js';
import type { DeferredLane } from './deferred-lane.js';

const ONE_LANE: DeferredLane = { lane: 0, lanes: 1 };

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
   * Takes persons the loads put off (up to `limit` rows: as many persons or fewer) off the list for
   * the caller's transaction, each with its rows of every one of the loads, so that a person several
   * loads touched is judged once (BulkLoadHold waits for the loads under way). A load not among them
   * keeps its rows: its later records may not be stored yet. Only rows this transaction locked go: a
   * person whose rows the limit splits (one a take, at most) is judged by two transactions, where
   * deleting another's locked row would deadlock. Another transaction skips those taken, and persons
   * come in the order of their lock buckets, so that two taking at once hold locks of different
   * buckets; a rollback puts them back. Takers in different lanes never share a bucket.
   */
  async take(manager: EntityManager, loadIds: readonly string[], limit: number, lane: DeferredLane = ONE_LANE): Promise<string[]> {
    // TypeORM answers a DELETE ... RETURNING on PostgreSQL as [rows, affected].
    const [rows]: [{ person: string }[], number] = await manager.query(
      `WITH taken AS (
         SELECT bucket, person, load_id FROM crosscheck_deferred_judgement WHERE load_id = ANY($1::uuid[]) AND bucket >= $3 AND bucket < $4
          ORDER BY bucket, person LIMIT $2 FOR UPDATE SKIP LOCKED)
       DELETE FROM crosscheck_deferred_judgement d USING taken WHERE d.bucket = taken.bucket AND d.person = taken.person AND d.load_id = taken.load_id
       RETURNING d.person`,
      [loadIds, limit, Math.floor((JUDGING_LOCK_BUCKETS * lane.lane) / lane.lanes), Math.floor((JUDGING_LOCK_BUCKETS * (lane.lane + 1)) / lane.lanes)],
    );
    return [...new Set(rows.map((row) => row.person))].sort();
  }

  /** The loads with persons still to judge, each with when it opened and whether it is released already (judged, or given up). */
  async loadsWithPersonsLeft(manager: EntityManager): Promise<{ loadId: string; openedAt: string; released: boolean }[]> {
    const rows: { load_id: string; opened_at: Date; released: boolean }[] = await manager.query(
      `SELECT load_id, opened_at, judged_at IS NOT NULL AS released FROM crosscheck_bulk_load l WHERE EXISTS (SELECT 1 FROM crosscheck_deferred_judgement d WHERE d.load_id = l.load_id)`,
    );
    return rows.map((row) => ({ loadId: row.load_id, openedAt: row.opened_at.toISOString(), released: row.released }));
  }
}
