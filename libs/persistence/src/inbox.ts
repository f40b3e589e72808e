import type { EntityManager } from 'typeorm';

/**
 * Claims record keys for a consumer inside the caller's transaction and returns the ones not
 * claimed before. Applying only those, in the same transaction, makes re-delivered records
 * (after a crash or a rebalance) have no second effect. One statement, whatever the batch size.
 */
export async function claimUnprocessed(manager: EntityManager, consumer: string, recordKeys: readonly string[]): Promise<Set<string>> {
  if (recordKeys.length === 0) return new Set();
  const rows: { record_key: string }[] = await manager.query(
    `INSERT INTO hub_inbox (consumer, record_key)
     SELECT $1, key FROM unnest($2::varchar[]) AS key
     ON CONFLICT DO NOTHING
     RETURNING record_key`,
    [consumer, recordKeys],
  );
  return new Set(rows.map((row) => row.record_key));
}
