import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's sessions (issue 24): the SHA-256 of each token, never the token; how far the
 * sign-in has got; the CSRF token; an authenticator secret being enrolled, sealed.
 */
export class ConsoleSessions1764460800017 implements MigrationInterface {
  name = 'ConsoleSessions1764460800017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console_session (
        token_hash           char(64)     PRIMARY KEY,
        username             varchar(40)  NOT NULL REFERENCES console_user (username),
        stage                varchar(20)  NOT NULL CHECK (stage IN ('change-password', 'second-factor', 'enrol-second-factor', 'active')),
        csrf_token           varchar(64)  NOT NULL,
        pending_totp_secret  text,
        created_at           timestamptz  NOT NULL,
        last_seen_at         timestamptz  NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX console_session_user ON console_session (username)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE console_session');
  }
}
