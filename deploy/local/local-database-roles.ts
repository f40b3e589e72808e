import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { grantServiceRoles, openMigratedDataSource, provisionDatabaseRoles, roleDatabaseUrl, DATABASE_OWNER_ROLE, SERVICE_ROLES, type ServiceRoleName } from '@hub/persistence';

export type LocalDatabaseUrls = Record<ServiceRoleName | 'owner', string>;

/** The local roles' passwords, made once and kept in .hub/ (readable by this user only). */
function localRolePasswords(folder: string): Record<ServiceRoleName | 'owner', string> {
  const file = join(folder, 'database-roles.json');
  const kept: Partial<Record<string, string>> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const passwords = Object.fromEntries(['owner', ...Object.keys(SERVICE_ROLES)].map((name) => [name, kept[name] ?? randomBytes(18).toString('base64url')])) as Record<
    ServiceRoleName | 'owner',
    string
  >;
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  return passwords;
}

/**
 * Prepares the local cluster the way a production database is meant to be run (issue 19): an owner
 * role runs the migrations and grants, and each service gets a login role of its own. The cluster's
 * superuser only creates the roles; no service connects as it. Returns each role's URL, and writes
 * them to .hub/database-urls.json (0600) for the `hub` command and for people.
 */
export async function prepareLocalDatabase(folder: string, superuserUrl: string): Promise<LocalDatabaseUrls> {
  const passwords = localRolePasswords(folder);
  await provisionDatabaseRoles(superuserUrl, passwords);
  const urls = Object.fromEntries(
    Object.entries(passwords).map(([name, password]) => [name, roleDatabaseUrl(superuserUrl, name === 'owner' ? DATABASE_OWNER_ROLE : SERVICE_ROLES[name as ServiceRoleName].role, password)]),
  ) as LocalDatabaseUrls;
  const owner = await openMigratedDataSource(urls.owner);
  await owner.destroy();
  await grantServiceRoles(urls.owner);
  writeFileSync(join(folder, 'database-urls.json'), `${JSON.stringify(urls, null, 2)}\n`, { mode: 0o600 });
  return urls;
}
