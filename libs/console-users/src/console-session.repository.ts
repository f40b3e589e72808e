/** Where a sign-in has got to: a first password to change, a second factor to give or to enrol, or done. */
export type SessionStage = 'change-password' | 'second-factor' | 'enrol-second-factor' | 'active';

export interface ConsoleSession {
  /** SHA-256 of the token in the cookie: the database never holds a token that would let anyone in. */
  tokenHash: string;
  username: string;
  stage: SessionStage;
  /** Sent back in X-CSRF-Token on every change; a page of another site cannot read it. */
  csrfToken: string;
  /** An authenticator secret being enrolled, sealed, until the user proves it with a code. */
  pendingTotpSecret: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** The console's sessions: the port of `ConsoleSignIn`; the PostgreSQL adapter is `PostgresConsoleSessionRepository`. */
export interface ConsoleSessionRepository {
  create(session: Omit<ConsoleSession, 'createdAt' | 'lastSeenAt'>, at: Date): Promise<void>;
  find(tokenHash: string): Promise<ConsoleSession | undefined>;
  /** Moves the session on (its stage, the secret being enrolled) and notes it was used now. */
  update(tokenHash: string, change: Partial<Pick<ConsoleSession, 'stage' | 'pendingTotpSecret'>>, at: Date): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a user (a password changed, an account disabled). */
  deleteAllOf(username: string): Promise<void>;
}

export const CONSOLE_SESSION_REPOSITORY = Symbol('ConsoleSessionRepository');
