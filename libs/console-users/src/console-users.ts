import type { MemberRole } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import { CONSOLE_ROLE_NAMES, HUB_OPERATORS, rolesForMember, type ConsoleRole } from './console-role.js';
import type { ConsoleUser } from './console-user.js';
import type { ConsoleUserRepository } from './console-user.repository.js';
import { hashPassword, initialPassword } from './password.js';

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;

/** What administration uses of the accounts. */
export type AdministeredUsers = Pick<ConsoleUserRepository, 'add' | 'find' | 'list' | 'resetPassword' | 'disable'>;

/** The member a user is added under, as the directory knows it (the hub's own operators are not in it). */
export interface MemberOfUser {
  role: MemberRole;
}

/** What an operator is handed for a user: the first (or reset) password, shown once and never kept in the clear. */
export interface IssuedPassword {
  username: string;
  initialPassword: string;
}

/**
 * The operators' administration of console users (`hub users add|reset|disable|list`): a user
 * belongs to a member and holds one role the member's kind allows; passwords are set by the user,
 * the operator only hands over a one-time first one.
 */
export class ConsoleUsers {
  // The accounts (its repository) and the member directory's lookup: its ports, so it is specified without PostgreSQL (console-users.spec.ts).
  constructor(
    private readonly users: AdministeredUsers,
    private readonly members: { get(member: string): Promise<MemberOfUser | undefined> },
  ) {}

  async add(user: { username: string; member: string; role: ConsoleRole; displayName: string }): Promise<IssuedPassword> {
    if (!USERNAME.test(user.username))
      throw new HubError(ErrorCode.BadRequest, `user name "${user.username}" must be 3 to 40 lower-case letters, digits, dots, dashes or underscores, starting with a letter`);
    if (user.displayName.trim().length === 0 || user.displayName.length > 60) throw new HubError(ErrorCode.BadRequest, 'the display name must be 1 to 60 characters');
    const allowed = await this.rolesOpenTo(user.member);
    if (!allowed.includes(user.role)) {
      const names = allowed.map((role) => `${role} (${CONSOLE_ROLE_NAMES[role].zh})`).join(', ');
      throw new HubError(ErrorCode.BadRequest, `a user of ${user.member} may be ${names}, not ${user.role}`);
    }
    const password = initialPassword();
    const added = await this.users.add({ ...user, displayName: user.displayName.trim(), passwordHash: await hashPassword(password) });
    if (!added) throw new HubError(ErrorCode.Conflict, `user name "${user.username}" is taken`);
    return { username: user.username, initialPassword: password };
  }

  /** A new one-time password; the user enrols their second factor again, and a lock is lifted. */
  async reset(username: string): Promise<IssuedPassword> {
    const password = initialPassword();
    if (!(await this.users.resetPassword(username, await hashPassword(password)))) throw new HubError(ErrorCode.NotFound, `no user "${username}"`);
    return { username, initialPassword: password };
  }

  async disable(username: string, at = new Date()): Promise<void> {
    if (await this.users.disable(username, at)) return;
    const user = await this.users.find(username);
    throw user ? new HubError(ErrorCode.Conflict, `user "${username}" was disabled at ${user.disabledAt ?? '?'}`) : new HubError(ErrorCode.NotFound, `no user "${username}"`);
  }

  list(member?: string): Promise<ConsoleUser[]> {
    return this.users.list(member);
  }

  private async rolesOpenTo(member: string): Promise<readonly ConsoleRole[]> {
    if (member === HUB_OPERATORS) return rolesForMember('hub-operators');
    const found = await this.members.get(member);
    if (!found) throw new HubError(ErrorCode.NotFound, `no member "${member}" (the hub's own operators are "${HUB_OPERATORS}")`);
    return rolesForMember(found.role);
  }
}
