import { ErrorCode } from '@hub/errors';
import { databaseUnavailable } from './database-unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** As TypeORM wraps the driver's error. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('a database error read as "the database cannot be reached right now"', () => {
  it('is a refused connection (the server is down)', () => {
    expect(databaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))?.code).toBe(ErrorCode.DatabaseUnavailable);
  });

  it('is a server shutting down, as TypeORM wraps it (57P01 admin_shutdown)', () => {
    expect(databaseUnavailable(queryFailed(withCode('terminating connection due to administrator command', '57P01')))?.code).toBe(ErrorCode.DatabaseUnavailable);
  });

  it('is a connection lost mid-query, which the driver reports without a code', () => {
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))?.canRetry).toBe(true);
  });

  it('is a connection exception (SQLSTATE class 08)', () => {
    expect(databaseUnavailable(withCode('connection failure', '08006'))).toBeDefined();
  });

  it('is not a query PostgreSQL refused (a unique violation is the caller’s)', () => {
    expect(databaseUnavailable(queryFailed(withCode('duplicate key value violates unique constraint', '23505')))).toBeUndefined();
  });

  it('is not an error of the program', () => {
    expect(databaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
  });
});
