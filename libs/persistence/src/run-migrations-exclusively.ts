import type { DataSource } from 'typeorm';

/** Any constant shared by every hub process; it names the advisory lock migrations run under. */
const MIGRATION_LOCK = 7_202_654;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so that several apps or
 * instances starting at once against one database migrate it once, one after another.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await runner.release();
  }
}
