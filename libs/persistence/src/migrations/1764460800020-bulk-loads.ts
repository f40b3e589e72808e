import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Departments' bulk loads (issue 25): the gateway keeps each member's loads as opened and closed;
 * the crosscheck keeps the same loads as it learnt of them (hub.bulk-load.changed.v1), when each
 * was judged (every record before its close's watermarks judged) or given up (held too long), and
 * when it announced that; the gateway keeps that too, for the department to see.
 */
export class BulkLoads1764460800020 implements MigrationInterface {
  name = 'BulkLoads1764460800020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_bulk_load (
        load_id uuid PRIMARY KEY,
        member_id varchar(64) NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        watermarks jsonb,
        judged_at timestamptz,
        given_up boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query('CREATE INDEX gateway_bulk_load_by_member ON gateway_bulk_load (member_id, opened_at DESC)');
    await queryRunner.query(`
      CREATE TABLE crosscheck_bulk_load (
        load_id uuid PRIMARY KEY,
        department varchar(64) NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        watermarks jsonb,
        judged_at timestamptz,
        given_up boolean NOT NULL DEFAULT false,
        announced_at timestamptz
      )`);
    // The loads still holding findings back: looked up by every round of the outbox publisher.
    await queryRunner.query('CREATE INDEX crosscheck_bulk_load_holding ON crosscheck_bulk_load (opened_at) WHERE judged_at IS NULL');
    // While raises are held, the publisher passes over them to the other changes (hundreds of thousands may wait in a region's load).
    await queryRunner.query(`CREATE INDEX crosscheck_outbox_unpublished_not_raised ON crosscheck_outbox (sequence) WHERE published_at IS NULL AND change <> 'raised'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX crosscheck_outbox_unpublished_not_raised');
    await queryRunner.query('DROP TABLE crosscheck_bulk_load');
    await queryRunner.query('DROP TABLE gateway_bulk_load');
  }
}
