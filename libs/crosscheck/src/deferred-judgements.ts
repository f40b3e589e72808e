import type { EntityManager } from 'typeorm';

/**
 * The persons whose judging a department's bulk load put off (`crosscheck_deferred_judgement`),
 * and the loads whose department is loading now (open, not given up): the methods are StateBatch's.
 */
export class DeferredJudgements {
  /** Each loading department's load (its earliest, where it has several open). */
  async loadingDepartments(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { department: string; load_id: string }[] = await manager.query(
      'SELECT DISTINCT ON (department) department, load_id FROM crosscheck_bulk_load WHERE judged_at IS NULL AND closed_at IS NULL ORDER BY department, opened_at',
    );
    return new Map(rows.map((row) => [row.department, row.load_id]));
  }

  async defer(manager: EntityManager, loadId: string, persons: readonly string[]): Promise<void> {
    if (persons.length === 0) return;
    // The bucket of the person's judging lock, as JudgingLocks computes it for the key `person:<person>`.
    await manager.query(`INSERT INTO crosscheck_deferred_judgement (load_id, bucket, person) SELECT $1, hashtext('person:' || p) & 65535, p FROM unnest($2::varchar[]) AS p ON CONFLICT DO NOTHING`, [
      loadId,
      persons,
    ]);
  }

  /**
   * Takes up to `limit` of the loads' deferred persons off the list for the caller's transaction
   * (another transaction skips those taken), in the order of their lock buckets, so that two taking
   * at once hold locks of different buckets; a rollback puts them back.
   */
  async take(manager: EntityManager, loadIds: readonly string[], limit: number): Promise<string[]> {
    // TypeORM answers a DELETE ... RETURNING on PostgreSQL as [rows, affected].
    const [rows]: [{ person: string }[], number] = await manager.query(
      `DELETE FROM crosscheck_deferred_judgement WHERE (load_id, bucket, person) IN (
         SELECT load_id, bucket, person FROM crosscheck_deferred_judgement WHERE load_id = ANY($1::uuid[]) ORDER BY load_id, bucket, person LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING person`,
      [loadIds, limit],
    );
    return [...new Set(rows.map((row) => row.person))].sort();
  }
}
