import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleUsers, PostgresConsoleUserRepository, type ConsoleRole } from '@hub/console-users';
import { MemberDirectory } from '@hub/members';
import { openReadingDataSource } from '@hub/persistence';

/** One local user per console role, under the local members. */
const LOCAL_CONSOLE_USERS: { username: string; member: string; role: ConsoleRole; displayName: string }[] = [
  { username: 'education.officer', member: 'education', role: 'department-officer', displayName: '教育局经办人' },
  { username: 'education.admin', member: 'education', role: 'department-administrator', displayName: '教育局管理员' },
  { username: 'auditor', member: 'audit-office', role: 'auditor', displayName: '审计员' },
  { username: 'engineer', member: 'integration-engineer', role: 'integration-engineer', displayName: '接入工程师' },
  { username: 'steward', member: 'data-steward', role: 'data-steward', displayName: '数据管理员' },
  { username: 'secadmin', member: 'hub', role: 'security-administrator', displayName: '安全管理员' },
];

/**
 * Adds the local console users that are missing, as the operator role would (`hub users add`), and
 * keeps their first passwords in .hub/console-users.json (0600), for the person who started the
 * hub; each is changed at its first sign-in.
 */
export async function ensureLocalConsoleUsers(folder: string, databaseUrl: string): Promise<{ file: string; added: string[] }> {
  const file = join(folder, 'console-users.json');
  const passwords: Record<string, string> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const dataSource = await openReadingDataSource(databaseUrl);
  const added: string[] = [];
  try {
    const users = new ConsoleUsers(new PostgresConsoleUserRepository(dataSource), new MemberDirectory(dataSource));
    const existing = new Set((await users.list()).map((user) => user.username));
    for (const user of LOCAL_CONSOLE_USERS.filter((candidate) => !existing.has(candidate.username))) {
      passwords[user.username] = (await users.add(user)).initialPassword;
      added.push(user.username);
    }
  } finally {
    await dataSource.destroy();
  }
  writeFileSync(file, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  return { file, added };
}
