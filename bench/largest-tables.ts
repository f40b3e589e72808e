import type pg from 'pg';

/** A table of the hub's database with what it takes on disk, its indexes and TOAST included. */
export interface TableSize {
  table: string;
  bytes: number;
  rows: number;
}

/**
 * The database's largest tables, largest first: where the bytes stored per record go. Row counts
 * are PostgreSQL's estimates (`reltuples`), so counting a table of millions does not load the
 * database the benchmark measures.
 */
export async function largestTables(database: pg.Pool, limit = 12): Promise<TableSize[]> {
  const { rows } = await database.query<{ table: string; bytes: string; rows: string }>(
    `SELECT c.relname AS table, pg_total_relation_size(c.oid) AS bytes, greatest(c.reltuples, 0)::bigint AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'
      ORDER BY pg_total_relation_size(c.oid) DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ table: row.table, bytes: Number(row.bytes), rows: Number(row.rows) }));
}
