import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the local PostgreSQL (npm start, the tests, the benchmarks)', () => {
  let database: TestDatabase | undefined;

  afterAll(async () => database?.drop());

  it('is initialised as CloudNativePG initialises production’s: UTF-8, text compared and classified byte by byte (C)', async () => {
    database = await createTestDatabase('local-postgres');
    const [settings] = await database.query('SELECT pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = current_database()');
    expect(settings).toEqual({ encoding: 'UTF8', datcollate: 'C', datctype: 'C' });
  });
});
