import { sqlState } from './sql-state.js';

/** SQLSTATEs after which PostgreSQL has rolled the transaction back and running it again is right: a deadlock, a serialisation failure. */
const CONFLICTS = new Set(['40P01', '40001']);

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
