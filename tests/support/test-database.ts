import pg from 'pg';
import { TEST_DATABASE_URL } from '../setup/test-infra-env.js';
import { uniqueName } from './unique-name.js';

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs one query on the database, for assertions. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A new database with this one's content (nobody may be connected to this one meanwhile). */
  copy(suite: string): Promise<TestDatabase>;
  drop(): Promise<void>;
}

function serverUrl(): URL {
  const given = process.env[TEST_DATABASE_URL];
  if (!given) throw new Error(`${TEST_DATABASE_URL} is not set: run e2e tests through jest's e2e project (npm test)`);
  const url = new URL(given);
  // Tests create and drop databases: refuse a server whose database is not plainly a test one.
  if (!/test/.test(url.pathname)) throw new Error(`refusing to run tests against ${url.host}${url.pathname}: its database name must contain "test"`);
  return url;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl().toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one suite on the test server (or a copy of a template database). */
export async function createTestDatabase(suite: string, template?: string): Promise<TestDatabase> {
  const name = uniqueName(`test_${suite.replace(/[^a-z0-9]/g, '_')}`);
  await onServer(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = serverUrl();
  url.pathname = `/${name}`;
  let dropping = false;
  const openPool = () => {
    const opened = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // pool.end() resolves before its clients' sockets have closed, so DROP DATABASE … WITH (FORCE)
    // can terminate one still closing, which hears of it (57P01): expected then, and nothing else is.
    opened.on('error', (error: Error & { code?: string }) => {
      if (!(dropping && error.code === '57P01')) throw error;
    });
    return opened;
  };
  let pool = openPool();
  return {
    url: url.toString(),
    name,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    copy: async (copySuite) => {
      await pool.end();
      pool = openPool();
      return createTestDatabase(copySuite, name);
    },
    drop: async () => {
      dropping = true;
      await pool.end();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
