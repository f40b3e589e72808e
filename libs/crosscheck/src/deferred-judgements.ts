import type { EntityManager } from 'typeorm';
import { personJudgingKey } from './judging-keys.js';
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
   * Takes persons any of the loads put off (up to `limit` rows: as many persons or fewer) off the list for the caller's transaction,
   * each with its rows of every load, so that a person several loads touched is judged once. Its
   * rows of a load still under way go too: that load's records of them so far are stored, and a
   * later record of them notes them again. Another transaction skips those taken, and persons come
   * in the order of their lock buckets, so that two taking at once hold locks of different buckets;
   * a rollback puts them back.
   */
  async take(manager: EntityManager, loadIds: readonly string[], limit: number): Promise<string[]> {
    // TypeORM answers a DELETE ... RETURNING on PostgreSQL as [rows, affected].
    const [rows]: [{ person: string }[], number] = await manager.query(
      `WITH taken AS (
         SELECT DISTINCT bucket, person FROM (
           SELECT bucket, person FROM crosscheck_deferred_judgement WHERE load_id = ANY($1::uuid[]) ORDER BY bucket, person LIMIT $2 FOR UPDATE SKIP LOCKED) AS t)
       DELETE FROM crosscheck_deferred_judgement d USING taken WHERE d.bucket = taken.bucket AND d.person = taken.person
       RETURNING d.person`,
      [loadIds, limit],
    );
    return [...new Set(rows.map((row) => row.person))].sort();
  }

  /** Of the loads given, and of those judged or given up already, the ones with persons still to judge. */
  async loadsWithPersonsLeft(manager: EntityManager, loadIds: readonly string[]): Promise<string[]> {
    const rows: { load_id: string }[] = await manager.query(
      `SELECT load_id FROM crosscheck_bulk_load l
        WHERE (load_id = ANY($1::uuid[]) OR judged_at IS NOT NULL) AND EXISTS (SELECT 1 FROM crosscheck_deferred_judgement d WHERE d.load_id = l.load_id)`,
      [loadIds],
    );
    return rows.map((row) => row.load_id);
  }
}
