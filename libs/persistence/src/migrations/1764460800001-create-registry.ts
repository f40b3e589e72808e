import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The contract registry: schemas (deduplicated by fingerprint), subject versions, compatibility config. */
export class CreateRegistry1764460800001 implements MigrationInterface {
  name = 'CreateRegistry1764460800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE registry_schema (
        id          serial      PRIMARY KEY,
        fingerprint char(64)    NOT NULL UNIQUE,
        schema      jsonb       NOT NULL,
        schema_text text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE registry_subject_version (
        subject       varchar(255) NOT NULL,
        version       integer      NOT NULL,
        schema_id     integer      NOT NULL REFERENCES registry_schema (id),
        deleted       boolean      NOT NULL DEFAULT false,
        lifecycle     varchar(20)  NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('active', 'deprecated', 'disabled')),
        registered_at timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE registry_config (
        subject       varchar(255) PRIMARY KEY,
        compatibility varchar(30)  NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE registry_config');
    await queryRunner.query('DROP TABLE registry_subject_version');
    await queryRunner.query('DROP TABLE registry_schema');
  }
}
