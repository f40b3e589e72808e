/** SQLSTATEs after which PostgreSQL has rolled the transaction back and running it again is right: a deadlock, a serialisation failure. */
const CONFLICTS = new Set(['40P01', '40001']);

/** The SQLSTATE of an error from the pg driver, directly or as TypeORM's QueryFailedError wraps it. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string') return code;
  return driverError === undefined ? undefined : sqlState(driverError);
}

/** Whether PostgreSQL rolled the transaction back for a conflict with another one (which then went on). */
export const isTransactionConflict = (error: unknown): boolean => CONFLICTS.has(sqlState(error) ?? '');

/**
 * Runs a transaction again when PostgreSQL chose it as the victim of a conflict with another one
 * (nothing of it was kept), after a short random wait so the two do not meet again at once; any
 * other error, or the last attempt's, is the caller's.
 */
export async function retryingConflicts<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
    }
  }
}
