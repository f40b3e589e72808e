/** The SQLSTATE (or the socket's error code) of an error from the pg driver, directly or as TypeORM's QueryFailedError wraps it. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string') return code;
  return driverError === undefined ? undefined : sqlState(driverError);
}
