import { ErrorCode, HubError } from '@hub/errors';
import { sqlState } from './sql-state.js';

/** Socket errors of a server that is not there, or went away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** SQLSTATEs of a server shutting down or starting up: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now. */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** What the pg driver says, without a code, of a connection it lost or could not make. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open/i;

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.message} ${messageOf((error as { driverError?: unknown }).driverError)}` : '');

/**
 * The error as "the database cannot be reached right now" (503 with Retry-After at the HTTP edge),
 * when it is one: no connection (refused, reset, lost), a server shutting down or starting up, a
 * connection exception (SQLSTATE class 08). Undefined for any other error, which is the caller's.
 */
export function databaseUnavailable(error: unknown): HubError | undefined {
  const state = sqlState(error) ?? '';
  const unavailable = SOCKET_CODES.has(state) || SHUTDOWN_STATES.has(state) || state.startsWith('08') || LOST_CONNECTION.test(messageOf(error));
  return unavailable ? new HubError(ErrorCode.DatabaseUnavailable, 'the database cannot be reached right now; try again shortly', { canRetry: true, cause: error }) : undefined;
}
