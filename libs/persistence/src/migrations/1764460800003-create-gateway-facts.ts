import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared facts: what the canonical events of contracts with sharing rules say about each person
 * (pseudonymised), for members to read about the persons they know, in their own record keys.
 */
export class CreateGatewayFacts1764460800003 implements MigrationInterface {
  name = 'CreateGatewayFacts1764460800003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_fact (
        sequence     bigserial    PRIMARY KEY,
        event_type   varchar(200) NOT NULL,
        event_id     varchar(200) NOT NULL,
        source       varchar(200) NOT NULL,
        subject      varchar(120) NOT NULL,
        fields       jsonb        NOT NULL,
        occurred_at  timestamptz  NOT NULL,
        UNIQUE (event_type, source, event_id, subject)
      )`);
    await queryRunner.query('CREATE INDEX gateway_fact_subject ON gateway_fact (subject)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_fact');
  }
}
