import type { ConsoleRole } from './console-role.js';

/** A person who signs in to the console, under a member (a department, the audit office, the hub's operators). */
export interface ConsoleUser {
  username: string;
  member: string;
  role: ConsoleRole;
  /** How the console greets them and the access log names them, e.g. 张敏. */
  displayName: string;
  /** A password an operator set (first, or reset): to be changed at the next sign-in. */
  mustChangePassword: boolean;
  /** Whether an authenticator app is enrolled (the secret itself stays sealed in the repository). */
  secondFactorEnrolled: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
}
