/**
 * Issue 19, the database's door: an owner runs the migrations, each service has a login role with
 * only what it uses, and the audit writer can add to the audit store and do nothing else to it.
 */
import pg from 'pg';
import { DATABASE_OWNER_ROLE, grantServiceRoles, openMigratedDataSource, provisionDatabaseRoles, roleDatabaseUrl, SERVICE_ROLES, type ServiceRole, type ServiceRoleName } from '@hub/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const PASSWORDS = Object.fromEntries(['owner', ...Object.keys(SERVICE_ROLES)].map((name) => [name, `pw-${name}`])) as Record<ServiceRoleName | 'owner', string>;
const PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] as const;
const HUB_TABLES = [
  'gateway_member',
  'gateway_api_key',
  'gateway_csv_mapping',
  'gateway_fact',
  'gateway_fact_read',
  'gateway_finding',
  'gateway_identity',
  'gateway_ingest_result',
  'gateway_member_fact',
  'gateway_rate_bucket',
  'gateway_record_key',
  'gateway_rejection',
  'gateway_subject_activity',
  'registry_config',
  'registry_schema',
  'registry_subject_version',
  'crosscheck_fact',
  'crosscheck_finding',
  'crosscheck_membership',
  'crosscheck_outbox',
  'crosscheck_review',
  'crosscheck_judging_lock',
  'console_user',
  'audit_chain',
  'audit_entry',
  'audit_checkpoint',
  'audit_period_key',
  'console_session',
  'hub_inbox',
];

/** What each role is meant to have on each table (anything not listed: nothing). */
function expectedPrivileges(role: ServiceRoleName, table: string): readonly string[] {
  return (SERVICE_ROLES[role].grants as ServiceRole['grants']).filter((g) => g.tables.includes(table)).flatMap((g) => g.privileges);
}

describe('the database roles (issue 19)', () => {
  let database: TestDatabase;
  const url = (role: ServiceRoleName | 'owner') => roleDatabaseUrl(database.url, role === 'owner' ? DATABASE_OWNER_ROLE : SERVICE_ROLES[role].role, PASSWORDS[role]);
  const asRole = async <T>(role: ServiceRoleName, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url(role) });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase('database_roles');
    await provisionDatabaseRoles(database.url, PASSWORDS);
    await (await openMigratedDataSource(url('owner'))).destroy();
    await grantServiceRoles(url('owner'));
    await database.query(`INSERT INTO audit_chain (topic, partition) VALUES ('t', 0)`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('lets the owner, not the cluster superuser, own every table of the hub', async () => {
    const owners = await database.query<{ tableowner: string }>(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
    expect(owners).toEqual([{ tableowner: DATABASE_OWNER_ROLE }]);
  });

  it('grants every service role exactly its privileges on every table: the matrix', async () => {
    const roles = Object.keys(SERVICE_ROLES) as ServiceRoleName[];
    const wrong: string[] = [];
    for (const role of roles) {
      for (const table of HUB_TABLES) {
        for (const privilege of PRIVILEGES) {
          const [{ has }] = await database.query<{ has: boolean }>('SELECT has_table_privilege($1, $2, $3) AS has', [SERVICE_ROLES[role].role, table, privilege]);
          if (has !== expectedPrivileges(role, table).includes(privilege)) wrong.push(`${role} ${privilege} ${table}: ${has ? 'granted' : 'refused'}`);
        }
      }
    }
    process.stdout.write(
      `[database matrix] ${roles.length} roles × ${HUB_TABLES.length} tables × ${PRIVILEGES.length} privileges = ${roles.length * HUB_TABLES.length * PRIVILEGES.length} cells; ${wrong.length} wrong\n`,
    );
    expect(wrong).toEqual([]);
  });

  it('lets the audit writer add an entry', async () => {
    await asRole('audit-writer', (client) => client.query(`INSERT INTO audit_chain (topic, partition) VALUES ('written', 0)`));
    expect(await database.query(`SELECT topic FROM audit_chain WHERE topic = 'written'`)).toHaveLength(1);
  });

  it.each([
    ['update an entry', `UPDATE audit_chain SET partition = 1 WHERE topic = 't'`],
    ['delete an entry', `DELETE FROM audit_chain WHERE topic = 't'`],
    ['truncate the store', 'TRUNCATE audit_entry'],
    ['disable the append-only trigger', 'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only'],
    ['drop the trigger', 'DROP TRIGGER audit_entry_append_only ON audit_entry'],
    ['stop triggers for its session', `SET session_replication_role = replica`],
  ])('refuses the audit writer to %s', async (_what, sql) => {
    await expect(asRole('audit-writer', (client) => client.query(sql))).rejects.toThrow(/permission denied|must be owner/);
  });

  it('lets the audit reader read the audit store and refuses it any write or any other table', async () => {
    expect(await asRole('audit-reader', (client) => client.query('SELECT count(*) FROM audit_entry'))).toMatchObject({ rowCount: 1 });
    await expect(asRole('audit-reader', (client) => client.query(`INSERT INTO audit_chain (topic, partition) VALUES ('x', 0)`))).rejects.toThrow(/permission denied/);
    await expect(asRole('audit-reader', (client) => client.query('SELECT * FROM gateway_api_key'))).rejects.toThrow(/permission denied/);
  });

  it('refuses a service role the migrations, which only the owner runs', async () => {
    await expect(asRole('gateway', (client) => client.query('CREATE TABLE intruder (id int)'))).rejects.toThrow(/permission denied/);
  });
});
