import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people who sign in to the console (issue 24), each under a member and in one role. The
 * password is kept as a scrypt hash; the TOTP secret sealed (envelope encryption, bound to the
 * user); failures counted for the lock-out.
 */
export class ConsoleUsers1764460800015 implements MigrationInterface {
  name = 'ConsoleUsers1764460800015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console_user (
        username              varchar(40)  PRIMARY KEY,
        member_id             varchar(64)  NOT NULL,
        role                  varchar(40)  NOT NULL CHECK (role IN ('department-officer', 'department-administrator', 'auditor', 'integration-engineer', 'data-steward', 'security-administrator')),
        display_name          varchar(60)  NOT NULL,
        password_hash         text         NOT NULL,
        must_change_password  boolean      NOT NULL,
        sealed_totp_secret    text,
        last_totp_step        bigint,
        failed_attempts       integer      NOT NULL DEFAULT 0,
        locked_until          timestamptz,
        disabled_at           timestamptz,
        created_at            timestamptz  NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX console_user_member ON console_user (member_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE console_user');
  }
}
