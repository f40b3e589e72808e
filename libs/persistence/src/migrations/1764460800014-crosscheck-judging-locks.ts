import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several crosscheck instances in one consumer group (issue 25): a batch holds the persons and
 * households it judges, so that two instances never judge one person at once, each on a view
 * missing the other's uncommitted facts. Persons and households hash onto a fixed set of rows,
 * locked FOR UPDATE in order: row locks take no room in PostgreSQL's shared lock table, whatever a
 * batch touches, so no server setting has to grow with the batch size.
 */
export class CrosscheckJudgingLocks1764460800014 implements MigrationInterface {
  name = 'CrosscheckJudgingLocks1764460800014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE crosscheck_judging_lock (bucket integer PRIMARY KEY)');
    await queryRunner.query('INSERT INTO crosscheck_judging_lock (bucket) SELECT generate_series(0, 65535)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crosscheck_judging_lock');
  }
}
