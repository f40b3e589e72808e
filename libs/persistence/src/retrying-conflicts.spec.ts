import { isTransactionConflict, retryingConflicts } from './retrying-conflicts.js';

const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { driverError: { code } });

describe('a transaction PostgreSQL rolled back for a conflict with another (retryingConflicts)', () => {
  it('is run again after a deadlock (40P01) or a serialisation failure (40001), and its result returned', async () => {
    const outcomes = [failure('40P01'), failure('40001')];
    let runs = 0;
    const result = await retryingConflicts(() => {
      runs++;
      const next = outcomes.shift();
      return next ? Promise.reject(next) : Promise.resolve('done');
    });
    expect([result, runs]).toEqual(['done', 3]);
  });

  it('is not run again for any other error (a constraint violated, a connection lost)', async () => {
    let runs = 0;
    await expect(
      retryingConflicts(() => {
        runs++;
        return Promise.reject(failure('23505'));
      }),
    ).rejects.toThrow('failed with 23505');
    expect(runs).toBe(1);
  });

  it('gives up after the attempts it is allowed, with the last conflict', async () => {
    let runs = 0;
    await expect(
      retryingConflicts(() => {
        runs++;
        return Promise.reject(failure('40P01'));
      }, 3),
    ).rejects.toThrow('failed with 40P01');
    expect(runs).toBe(3);
  });

  it('reads the SQLSTATE from the pg driver error itself as well as from TypeORM wrapping it', () => {
    expect([isTransactionConflict({ code: '40P01' }), isTransactionConflict(failure('40001')), isTransactionConflict(new Error('plain'))]).toEqual([true, true, false]);
  });
});
