import type { ConsoleUser } from './console-user.js';
import type { NewConsoleUser } from './console-user.repository.js';
import { ConsoleUsers, type AdministeredUsers, type MemberOfUser } from './console-users.js';
import { verifyPassword } from './password.js';

/** Users in memory, as the repository keeps them. */
function usersInMemory() {
  const kept = new Map<string, NewConsoleUser & { disabledAt: string | null; mustChangePassword: boolean }>();
  const repository: AdministeredUsers = {
    add: (user) => {
      if (kept.has(user.username)) return Promise.resolve(false);
      kept.set(user.username, { ...user, disabledAt: null, mustChangePassword: true });
      return Promise.resolve(true);
    },
    find: (username) => Promise.resolve(kept.has(username) ? ({ username, disabledAt: kept.get(username)!.disabledAt } as ConsoleUser) : undefined),
    list: () => Promise.resolve([]),
    resetPassword: (username, passwordHash) => {
      const user = kept.get(username);
      if (user) kept.set(username, { ...user, passwordHash, mustChangePassword: true });
      return Promise.resolve(user !== undefined);
    },
    disable: (username, at) => {
      const user = kept.get(username);
      if (!user || user.disabledAt) return Promise.resolve(false);
      kept.set(username, { ...user, disabledAt: at.toISOString() });
      return Promise.resolve(true);
    },
  };
  return { repository, kept };
}

const MEMBERS: Record<string, MemberOfUser> = {
  education: { role: 'department' },
  'audit-office': { role: 'auditor' },
};
const directory = { get: (member: string) => Promise.resolve(MEMBERS[member]) };

describe('console users, as operators administer them', () => {
  it('are added under a member with a one-time first password, kept only as a hash', async () => {
    const { repository, kept } = usersInMemory();
    const issued = await new ConsoleUsers(repository, directory).add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' });
    const stored = kept.get('zhangmin')!;
    expect([stored.member, stored.role, stored.displayName, stored.mustChangePassword]).toEqual(['education', 'department-officer', '张敏', true]);
    expect(stored.passwordHash).not.toContain(issued.initialPassword);
    expect(await verifyPassword(issued.initialPassword, stored.passwordHash)).toBe(true);
  });

  it("hold only a role their member's kind allows: a department's people work findings, the audit office audits", async () => {
    const users = new ConsoleUsers(usersInMemory().repository, directory);
    await expect(users.add({ username: 'lijun', member: 'education', role: 'auditor', displayName: '李军' })).rejects.toThrow(
      'a user of education may be department-officer (部门经办人), department-administrator (部门管理员), not auditor',
    );
    await expect(users.add({ username: 'wangfang', member: 'audit-office', role: 'auditor', displayName: '王芳' })).resolves.toEqual(expect.objectContaining({ username: 'wangfang' }));
  });

  it("put the security administrator under the hub's own operators, apart from every other duty", async () => {
    const users = new ConsoleUsers(usersInMemory().repository, directory);
    await expect(users.add({ username: 'secadmin', member: 'hub', role: 'security-administrator', displayName: '安全管理员' })).resolves.toEqual(expect.objectContaining({ username: 'secadmin' }));
    await expect(users.add({ username: 'ops', member: 'hub', role: 'integration-engineer', displayName: '运维' })).rejects.toThrow('a user of hub may be security-administrator');
  });

  it('are refused for an unknown member, a taken name, or a name that is not a user name', async () => {
    const users = new ConsoleUsers(usersInMemory().repository, directory);
    await expect(users.add({ username: 'a1b', member: 'nowhere', role: 'department-officer', displayName: 'x' })).rejects.toThrow('no member "nowhere"');
    await expect(users.add({ username: 'Zhang Min', member: 'education', role: 'department-officer', displayName: 'x' })).rejects.toThrow('must be 3 to 40 lower-case');
    await users.add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' });
    await expect(users.add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' })).rejects.toThrow('is taken');
  });

  it('get a new one-time password on reset, and the old one no longer works', async () => {
    const { repository, kept } = usersInMemory();
    const users = new ConsoleUsers(repository, directory);
    const first = await users.add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' });
    const second = await users.reset('zhangmin');
    expect([await verifyPassword(first.initialPassword, kept.get('zhangmin')!.passwordHash), await verifyPassword(second.initialPassword, kept.get('zhangmin')!.passwordHash)]).toEqual([false, true]);
    await expect(users.reset('nobody')).rejects.toThrow('no user "nobody"');
  });

  it('are disabled once, and a second disable says when the first was', async () => {
    const users = new ConsoleUsers(usersInMemory().repository, directory);
    await users.add({ username: 'zhangmin', member: 'education', role: 'department-officer', displayName: '张敏' });
    await users.disable('zhangmin', new Date('2026-12-06T08:00:00Z'));
    await expect(users.disable('zhangmin')).rejects.toThrow('was disabled at 2026-12-06T08:00:00.000Z');
  });
});
