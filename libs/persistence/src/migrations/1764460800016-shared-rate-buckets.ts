import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each member's token buckets (records published per second, shared facts read per second), kept
 * for the hub rather than per gateway process (issue 25): two gateways no longer double a rate.
 */
export class SharedRateBuckets1764460800016 implements MigrationInterface {
  name = 'SharedRateBuckets1764460800016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_rate_bucket (
        bucket      varchar(120)      PRIMARY KEY,
        tokens      double precision  NOT NULL,
        updated_at  timestamptz       NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_rate_bucket');
  }
}
