import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Look-ups through made-up records (issue 20): what each member published about each person (how
 * many accepted records named them, first and last), and whose facts it read (first and last
 * read, how many facts served), so that an auditor can list the persons whose facts a member read
 * with no finding routed to it and no record beyond the one that opened the door.
 */
export class FactReads1764460800011 implements MigrationInterface {
  name = 'FactReads1764460800011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_subject_activity (
        member_id          varchar(60)  NOT NULL,
        subject            varchar(120) NOT NULL,
        records            integer      NOT NULL,
        first_recorded_at  timestamptz  NOT NULL,
        last_recorded_at   timestamptz  NOT NULL,
        PRIMARY KEY (member_id, subject)
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway_fact_read (
        member_id      varchar(60)  NOT NULL,
        subject        varchar(120) NOT NULL,
        first_read_at  timestamptz  NOT NULL,
        last_read_at   timestamptz  NOT NULL,
        facts_served   integer      NOT NULL,
        PRIMARY KEY (member_id, subject)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_fact_read');
    await queryRunner.query('DROP TABLE gateway_subject_activity');
  }
}
