import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operators' view of rejected records (issue 24): how many each member has of each type,
 * how many wait for a replay, and the latest. A view, so the console reads the tally and never the
 * sealed records or their problems (which may quote what was sent).
 */
export class RejectionTally1764460800019 implements MigrationInterface {
  name = 'RejectionTally1764460800019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW gateway_rejection_tally AS
      SELECT member_id, coalesce(event_type, '') AS event_type, count(*) AS rejected,
             count(*) FILTER (WHERE replayed_at IS NULL) AS awaiting_replay, max(rejected_at) AS latest
      FROM gateway_rejection GROUP BY member_id, coalesce(event_type, '')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW gateway_rejection_tally');
  }
}
