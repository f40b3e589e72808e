import type { DataSource } from 'typeorm';
import type { ConsoleSession, ConsoleSessionRepository, SessionStage } from './console-session.repository.js';

const CREATE = `
  INSERT INTO console_session (token_hash, username, stage, csrf_token, pending_totp_secret, created_at, last_seen_at)
  VALUES ($1, $2, $3, $4, $5, $6, $6)`;

const FIND = 'SELECT * FROM console_session WHERE token_hash = $1';

const UPDATE = `
  UPDATE console_session SET stage = COALESCE($2, stage),
         pending_totp_secret = CASE WHEN $3::boolean THEN $4 ELSE pending_totp_secret END, last_seen_at = $5
   WHERE token_hash = $1`;

const DELETE = 'DELETE FROM console_session WHERE token_hash = $1';

const DELETE_ALL_OF = 'DELETE FROM console_session WHERE username = $1';

interface SessionRow {
  token_hash: string;
  username: string;
  stage: SessionStage;
  csrf_token: string;
  pending_totp_secret: string | null;
  created_at: Date;
  last_seen_at: Date;
}

/** The console's sessions in the hub's PostgreSQL (console_session). */
export class PostgresConsoleSessionRepository implements ConsoleSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(session: Omit<ConsoleSession, 'createdAt' | 'lastSeenAt'>, at: Date): Promise<void> {
    await this.dataSource.query(CREATE, [session.tokenHash, session.username, session.stage, session.csrfToken, session.pendingTotpSecret, at]);
  }

  async find(tokenHash: string): Promise<ConsoleSession | undefined> {
    const rows: SessionRow[] = await this.dataSource.query(FIND, [tokenHash]);
    return rows.map((row) => ({
      tokenHash: row.token_hash,
      username: row.username,
      stage: row.stage,
      csrfToken: row.csrf_token,
      pendingTotpSecret: row.pending_totp_secret,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
    }))[0];
  }

  async update(tokenHash: string, change: Partial<Pick<ConsoleSession, 'stage' | 'pendingTotpSecret'>>, at: Date): Promise<void> {
    await this.dataSource.query(UPDATE, [tokenHash, change.stage ?? null, 'pendingTotpSecret' in change, change.pendingTotpSecret ?? null, at]);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.dataSource.query(DELETE, [tokenHash]);
  }

  async deleteAllOf(username: string): Promise<void> {
    await this.dataSource.query(DELETE_ALL_OF, [username]);
  }
}
