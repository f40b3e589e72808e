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
  /** What a sign-in checks: the password hash, the sealed authenticator secret and the last code step accepted. */
  credentials(username: string): Promise<UserCredentials | undefined>;
  /** One more failed sign-in; at the lock-out's count, the account is locked until the time given and the count starts again. */
  recordFailure(username: string, lockout: { attempts: number; until: Date }): Promise<void>;
  /** A sign-in that passed: the failures are forgotten. */
  recordSuccess(username: string): Promise<void>;
  /** A password the user chose: no longer a first one. */
  setPassword(username: string, passwordHash: string): Promise<void>;
  /** The authenticator secret, sealed, and the step of the code that proved it (not accepted again). */
  enrolSecondFactor(username: string, sealedSecret: string, step: number): Promise<void>;
  /** Notes the step of an accepted code, so it is not accepted again. */
  acceptTotpStep(username: string, step: number): Promise<void>;
}

export interface UserCredentials {
  passwordHash: string;
  sealedTotpSecret: string | null;
  lastTotpStep: number | null;
}

export const CONSOLE_USER_REPOSITORY = Symbol('ConsoleUserRepository');
