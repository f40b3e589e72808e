import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person several bulk loads touched is judged once, not once a load (issue 25): the persons put
 * off are kept by lock bucket and person first, so one transaction takes a person's rows of every
 * load at once; the loads' own index says which loads still have persons to judge.
 */
export class DeferredJudgementsByPerson1764460800024 implements MigrationInterface {
  name = 'DeferredJudgementsByPerson1764460800024';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE crosscheck_deferred_judgement DROP CONSTRAINT crosscheck_deferred_judgement_pkey');
    await queryRunner.query('ALTER TABLE crosscheck_deferred_judgement ADD PRIMARY KEY (bucket, person, load_id)');
    await queryRunner.query('CREATE INDEX crosscheck_deferred_judgement_load ON crosscheck_deferred_judgement (load_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX crosscheck_deferred_judgement_load');
    await queryRunner.query('ALTER TABLE crosscheck_deferred_judgement DROP CONSTRAINT crosscheck_deferred_judgement_pkey');
    await queryRunner.query('ALTER TABLE crosscheck_deferred_judgement ADD PRIMARY KEY (load_id, bucket, person)');
  }
}
