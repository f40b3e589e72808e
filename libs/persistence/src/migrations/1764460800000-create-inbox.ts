import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The inbox: which records each consumer has already applied, so re-delivery has no second effect. */
export class CreateInbox1764460800000 implements MigrationInterface {
  name = 'CreateInbox1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hub_inbox (
        consumer     varchar(200) NOT NULL,
        record_key   varchar(400) NOT NULL,
        processed_at timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, record_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE hub_inbox');
  }
}
