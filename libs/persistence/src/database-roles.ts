import pg from 'pg';

/** The role that owns the hub's tables and alone runs migrations; no service connects as it. */
export const DATABASE_OWNER_ROLE = 'hub_owner';

type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
const READ: Privilege[] = ['SELECT'];
const APPEND: Privilege[] = ['SELECT', 'INSERT'];
const WRITE: Privilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

const MEMBER_TABLES = ['gateway_member', 'gateway_api_key'];
const GATEWAY_TABLES = [
  'gateway_bulk_load',
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
];
const REGISTRY_TABLES = ['registry_config', 'registry_schema', 'registry_subject_version'];
const CROSSCHECK_TABLES = ['crosscheck_bulk_load', 'crosscheck_deferred_judgement', 'crosscheck_fact', 'crosscheck_finding', 'crosscheck_membership', 'crosscheck_outbox', 'crosscheck_review'];
const AUDIT_TABLES = ['audit_chain', 'audit_entry', 'audit_checkpoint', 'audit_period_key'];

export interface ServiceRole {
  /** The PostgreSQL login role. */
  role: string;
  /** Who connects as it. */
  purpose: string;
  grants: { tables: readonly string[]; privileges: readonly Privilege[] }[];
}

/**
 * Each hub process connects with its own login role, granted only what it uses (issue 19): a
 * service writes its own tables and reads the member directory where it authenticates; the audit
 * writer may only add to the audit store (it cannot update, delete, truncate, alter or control its
 * triggers, which only the owner could); auditors' tools read the audit store and nothing else.
 * Every role reads the `migrations` table, so a service can see that the schema is current.
 */
export const SERVICE_ROLES = {
  gateway: {
    role: 'hub_gateway',
    purpose: 'the department gateway',
    grants: [
      { tables: GATEWAY_TABLES, privileges: WRITE },
      { tables: MEMBER_TABLES, privileges: READ },
    ],
  },
  // It also checks the console sessions of the people who register or change contracts from the console (a session noted used, or ended when idle).
  registry: {
    role: 'hub_registry',
    purpose: 'the contract registry',
    grants: [
      { tables: REGISTRY_TABLES, privileges: WRITE },
      { tables: MEMBER_TABLES, privileges: READ },
      { tables: ['console_user'], privileges: READ },
      { tables: ['console_session'], privileges: ['SELECT', 'UPDATE', 'DELETE'] },
    ],
  },
  crosscheck: {
    role: 'hub_crosscheck',
    purpose: 'the cross-check engine',
    // The judging locks are only ever locked (SELECT ... FOR UPDATE needs UPDATE), never changed.
    grants: [
      { tables: CROSSCHECK_TABLES, privileges: WRITE },
      { tables: ['crosscheck_judging_lock'], privileges: ['SELECT', 'UPDATE'] },
    ],
  },
  // The recorder also destroys a month's key when its retention ends (the table's trigger allows nothing else).
  'audit-writer': {
    role: 'hub_audit_writer',
    purpose: 'the audit recorder',
    grants: [
      { tables: AUDIT_TABLES, privileges: APPEND },
      { tables: ['audit_period_key'], privileges: ['UPDATE'] },
    ],
  },
  'audit-reader': { role: 'hub_audit_reader', purpose: 'hub audit verify, hub audit lineage, hub replay --source audit', grants: [{ tables: AUDIT_TABLES, privileges: READ }] },
  // The console reads and updates its users (sign-in state, passwords, second factors) and keeps their sessions; it adds or removes no user.
  // It reads the findings the gateway holds (with the members' sealed record keys and, for an entitled reveal, the identity vault)
  // and the registry's contracts; it writes neither. Of the rejected records it reads only the tally (a view), for the operators, and the members' bulk loads.
  console: {
    role: 'hub_console',
    purpose: 'the console (people signing in, the findings inbox, the data catalogue)',
    grants: [
      { tables: ['console_user'], privileges: ['SELECT', 'UPDATE'] },
      { tables: ['console_session'], privileges: WRITE },
      { tables: MEMBER_TABLES, privileges: READ },
      { tables: ['gateway_finding', 'gateway_record_key', 'gateway_identity', 'gateway_rejection_tally', 'gateway_bulk_load'], privileges: READ },
      { tables: REGISTRY_TABLES, privileges: READ },
    ],
  },
  operator: {
    role: 'hub_operator',
    purpose: 'hub members and hub users (member, key and console user administration)',
    grants: [{ tables: [...MEMBER_TABLES, 'console_user'], privileges: ['SELECT', 'INSERT', 'UPDATE'] }],
  },
} as const satisfies Record<string, ServiceRole>;
export type ServiceRoleName = keyof typeof SERVICE_ROLES;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or sets the password of) the owner and every service role, makes the owner own the
 * database and every object the hub made in it before (an earlier hub migrated as the superuser).
 * Runs as a role that may create roles: the local cluster's superuser, or a database administrator.
 */
export async function provisionDatabaseRoles(adminUrl: string, passwords: Readonly<Record<ServiceRoleName | 'owner', string>>): Promise<void> {
  const roles: [string, string][] = [[DATABASE_OWNER_ROLE, passwords.owner], ...Object.entries(SERVICE_ROLES).map(([name, spec]): [string, string] => [spec.role, passwords[name as ServiceRoleName]])];
  await withClient(adminUrl, async (client) => {
    const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
    for (const [role, password] of roles) {
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount! > 0;
      await client.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${quoteIdentifier(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(password)}`);
    }
    await client.query(`ALTER DATABASE ${quoteIdentifier(database)} OWNER TO ${DATABASE_OWNER_ROLE}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${DATABASE_OWNER_ROLE}`);
    // What an earlier hub created as another role (tables, their sequences, functions) passes to the owner.
    const owned = await client.query<{ kind: string; name: string }>(
      `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S') AND pg_get_userbyid(c.relowner) <> $1
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
       UNION ALL
       SELECT 'FUNCTION', p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`,
      [DATABASE_OWNER_ROLE],
    );
    for (const { kind, name } of owned.rows) {
      await client.query(`ALTER ${kind} ${kind === 'FUNCTION' ? name : quoteIdentifier(name)} OWNER TO ${DATABASE_OWNER_ROLE}`);
    }
  });
}

/**
 * Grants each service role exactly its privileges, taking away anything else it had on the hub's
 * tables first; runs as the owner after the migrations, so tables a new migration makes are covered.
 */
export async function grantServiceRoles(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    for (const spec of Object.values(SERVICE_ROLES) as ServiceRole[]) {
      const role = quoteIdentifier(spec.role);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
      await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
      await client.query(`GRANT SELECT ON migrations TO ${role}`);
      for (const { tables, privileges } of spec.grants) {
        await client.query(`GRANT ${privileges.join(', ')} ON ${tables.join(', ')} TO ${role}`);
        if (!privileges.includes('INSERT')) continue;
        // The sequences its columns take values from: owned by them (serial, identity) or named in a default (nextval).
        const sequences = await client.query<{ name: string }>(
          `SELECT s.relname AS name FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON t.oid = d.refobjid
            WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') AND t.relname = ANY($1)
           UNION
           SELECT s.relname FROM pg_attrdef ad JOIN pg_class t ON t.oid = ad.adrelid
             JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid JOIN pg_class s ON s.oid = d.refobjid
            WHERE s.relkind = 'S' AND t.relname = ANY($1)`,
          [tables],
        );
        for (const { name } of sequences.rows) await client.query(`GRANT USAGE ON SEQUENCE ${quoteIdentifier(name)} TO ${role}`);
      }
    }
    await client.query('COMMIT');
  });
}

/** The connection URL of a role on the same server and database as the given URL. */
export function roleDatabaseUrl(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
