import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The persons whose judging a department's bulk load put off (issue 25): a loading department's
 * records are stored as they come, and the persons they touch are judged once, after the load's
 * last record is stored, instead of after every batch (the same person's household, enrolment,
 * aid and insurance arrive in different batches, and each judgement in between raised or closed
 * findings the next batch changed again). Each person keeps the judging lock's bucket it takes
 * (crosscheck_judging_lock): judged in bucket order, transactions judging side by side take persons
 * of different buckets and do not wait for each other's locks.
 */
export class DeferredJudgements1764460800022 implements MigrationInterface {
  name = 'DeferredJudgements1764460800022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crosscheck_deferred_judgement (
        load_id uuid NOT NULL,
        bucket integer NOT NULL,
        person varchar(120) NOT NULL,
        PRIMARY KEY (load_id, bucket, person)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crosscheck_deferred_judgement');
  }
}
