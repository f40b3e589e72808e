import type { DataSource } from 'typeorm';
import type { ConsoleRole } from './console-role.js';
import type { ConsoleUser } from './console-user.js';
import type { ConsoleUserRepository, NewConsoleUser, UserCredentials } from './console-user.repository.js';

const ADD = `
  INSERT INTO console_user (username, member_id, role, display_name, password_hash, must_change_password)
  VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT (username) DO NOTHING RETURNING username`;

const COLUMNS = 'username, member_id, role, display_name, must_change_password, sealed_totp_secret IS NOT NULL AS enrolled, failed_attempts, locked_until, disabled_at, created_at';

const FIND = `SELECT ${COLUMNS} FROM console_user WHERE username = $1`;

const LIST = `SELECT ${COLUMNS} FROM console_user WHERE ($1::varchar IS NULL OR member_id = $1) ORDER BY username`;

const RESET_PASSWORD = `
  UPDATE console_user SET password_hash = $2, must_change_password = true, sealed_totp_secret = NULL, last_totp_step = NULL,
         failed_attempts = 0, locked_until = NULL
   WHERE username = $1 RETURNING username`;

const DISABLE = 'UPDATE console_user SET disabled_at = $2 WHERE username = $1 AND disabled_at IS NULL RETURNING username';

const CREDENTIALS = 'SELECT password_hash, sealed_totp_secret, last_totp_step FROM console_user WHERE username = $1';

/** The count starts again once the account is locked: after the lock, the next failures count from one. */
const RECORD_FAILURE = `
  UPDATE console_user
     SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END
   WHERE username = $1`;

const RECORD_SUCCESS = 'UPDATE console_user SET failed_attempts = 0, locked_until = NULL WHERE username = $1';

const SET_PASSWORD = 'UPDATE console_user SET password_hash = $2, must_change_password = false WHERE username = $1';

const ENROL_SECOND_FACTOR = 'UPDATE console_user SET sealed_totp_secret = $2, last_totp_step = $3 WHERE username = $1';

const ACCEPT_TOTP_STEP = 'UPDATE console_user SET last_totp_step = $2 WHERE username = $1';

interface UserRow {
  username: string;
  member_id: string;
  role: ConsoleRole;
  display_name: string;
  must_change_password: boolean;
  enrolled: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Date;
}

const user = (row: UserRow): ConsoleUser => ({
  username: row.username,
  member: row.member_id,
  role: row.role,
  displayName: row.display_name,
  mustChangePassword: row.must_change_password,
  secondFactorEnrolled: row.enrolled,
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until?.toISOString() ?? null,
  disabledAt: row.disabled_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
});

/** The console's users in the hub's PostgreSQL (console_user). */
export class PostgresConsoleUserRepository implements ConsoleUserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(newUser: NewConsoleUser): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(ADD, [newUser.username, newUser.member, newUser.role, newUser.displayName, newUser.passwordHash]);
    return rows.length === 1;
  }

  async find(username: string): Promise<ConsoleUser | undefined> {
    const rows: UserRow[] = await this.dataSource.query(FIND, [username]);
    return rows.map(user)[0];
  }

  async list(member?: string): Promise<ConsoleUser[]> {
    const rows: UserRow[] = await this.dataSource.query(LIST, [member ?? null]);
    return rows.map(user);
  }

  async resetPassword(username: string, passwordHash: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(RESET_PASSWORD, [username, passwordHash]);
    return rows.length === 1;
  }

  async disable(username: string, at: Date): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(DISABLE, [username, at]);
    return rows.length === 1;
  }

  async credentials(username: string): Promise<UserCredentials | undefined> {
    const rows: { password_hash: string; sealed_totp_secret: string | null; last_totp_step: string | null }[] = await this.dataSource.query(CREDENTIALS, [username]);
    return rows.map((row) => ({ passwordHash: row.password_hash, sealedTotpSecret: row.sealed_totp_secret, lastTotpStep: row.last_totp_step === null ? null : Number(row.last_totp_step) }))[0];
  }

  async recordFailure(username: string, lockout: { attempts: number; until: Date }): Promise<void> {
    await this.dataSource.query(RECORD_FAILURE, [username, lockout.attempts, lockout.until]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.dataSource.query(RECORD_SUCCESS, [username]);
  }

  async setPassword(username: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(SET_PASSWORD, [username, passwordHash]);
  }

  async enrolSecondFactor(username: string, sealedSecret: string, step: number): Promise<void> {
    await this.dataSource.query(ENROL_SECOND_FACTOR, [username, sealedSecret, step]);
  }

  async acceptTotpStep(username: string, step: number): Promise<void> {
    await this.dataSource.query(ACCEPT_TOTP_STEP, [username, step]);
  }
}
