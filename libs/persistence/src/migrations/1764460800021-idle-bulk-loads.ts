import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bulk load the department never closes is closed by the gateway once the member has sent
 * nothing for a while (issue 25): each open load keeps where the member's canonical topics ended
 * when the gateway last looked and when that last moved, and whether it was closed so.
 */
export class IdleBulkLoads1764460800021 implements MigrationInterface {
  name = 'IdleBulkLoads1764460800021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE gateway_bulk_load ADD COLUMN active_at timestamptz, ADD COLUMN seen_offsets jsonb, ADD COLUMN closed_idle boolean NOT NULL DEFAULT false');
    await queryRunner.query('CREATE INDEX gateway_bulk_load_open ON gateway_bulk_load (opened_at) WHERE closed_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX gateway_bulk_load_open');
    await queryRunner.query('ALTER TABLE gateway_bulk_load DROP COLUMN active_at, DROP COLUMN seen_offsets, DROP COLUMN closed_idle');
  }
}
