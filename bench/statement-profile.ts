import pg from 'pg';

interface StatementRow {
  calls: string;
  total_ms: number;
  mean_ms: number;
  rows: string;
  share: number;
  query: string;
}

/** The statements that took PostgreSQL's time, most first (`BENCH_PG_STATEMENTS=on`: the bench's own PostgreSQL loads pg_stat_statements). */
const TOP_STATEMENTS = `
  SELECT calls, total_exec_time AS total_ms, mean_exec_time AS mean_ms, rows,
         100 * total_exec_time / sum(total_exec_time) OVER () AS share, regexp_replace(query, '\\s+', ' ', 'g') AS query
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT $1`;

/** Prints where PostgreSQL's time went in the run: the statements by total execution time. */
export async function printStatementProfile(databaseUrl: string, limit = 20): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const { rows } = await client.query<StatementRow>(TOP_STATEMENTS, [limit]);
    console.log(`PostgreSQL statements by total execution time (top ${limit}):`);
    for (const row of rows) {
      const figures = `${(row.total_ms / 1000).toFixed(1)} s (${row.share.toFixed(1)} %), ${Number(row.calls).toLocaleString('en')} calls, ${row.mean_ms.toFixed(2)} ms each, ${Number(row.rows).toLocaleString('en')} rows`;
      console.log(`  ${figures}: ${row.query.slice(0, 240)}`);
    }
  } finally {
    await client.end();
  }
}
