import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time moves findings (issue 21): the day each person is next judged again with no new event,
 * because time alone may change their findings then (a term begins, a subsidy month falls due, a
 * new insurance year). The crosscheck's daily pass judges the persons whose day has come, and
 * writes each one's next day. Every person the crosscheck knew before is due at once: none of
 * them was ever scheduled.
 */
export class CrosscheckReviews1764460800013 implements MigrationInterface {
  name = 'CrosscheckReviews1764460800013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crosscheck_review (
        person     varchar(120) PRIMARY KEY,
        review_on  date         NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX crosscheck_review_due ON crosscheck_review (review_on)');
    await queryRunner.query(`
      INSERT INTO crosscheck_review (person, review_on)
      SELECT person, DATE '1970-01-01' FROM (SELECT person FROM crosscheck_fact WHERE person IS NOT NULL UNION SELECT person FROM crosscheck_membership) known`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crosscheck_review');
  }
}
