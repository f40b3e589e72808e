import type { ConsoleRole } from './console-role.js';
import type { ConsoleUser } from './console-user.js';

export interface NewConsoleUser {
  username: string;
  member: string;
  role: ConsoleRole;
  displayName: string;
  passwordHash: string;
}

/** The console's user accounts: the port of `ConsoleUsers`; the PostgreSQL adapter is `PostgresConsoleUserRepository`. */
export interface ConsoleUserRepository {
  /** Adds the user; false if the user name is taken. */
  add(user: NewConsoleUser): Promise<boolean>;
  find(username: string): Promise<ConsoleUser | undefined>;
  /** Every user, or a member's, by user name. */
  list(member?: string): Promise<ConsoleUser[]>;
  /** Sets a password an operator chose, to be changed at the next sign-in; forgets the second factor, the failures and the lock. False if no such user. */
  resetPassword(username: string, passwordHash: string): Promise<boolean>;
  /** Disables the user from now on; false if no such user or already disabled. */
  disable(username: string, at: Date): Promise<boolean>;
}

export const CONSOLE_USER_REPOSITORY = Symbol('ConsoleUserRepository');
