import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cross-check's state: every fact from the canonical events (one row per event, keyed by its
 * source and id, so redelivery adds nothing), who is listed in which household, the findings with
 * their current state, and the outbox of finding changes still to publish (a raise waits out a
 * settling time, so one that is closed again at once is never announced).
 */
export class CreateCrosscheck1764460800004 implements MigrationInterface {
  name = 'CreateCrosscheck1764460800004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE crosscheck_fact (
        source      varchar(200) NOT NULL,
        event_id    varchar(200) NOT NULL,
        kind        varchar(40)  NOT NULL,
        person      varchar(120),
        household   varchar(120),
        fact        jsonb        NOT NULL,
        known_at    timestamptz  NOT NULL,
        PRIMARY KEY (source, event_id)
      )`);
    await queryRunner.query('CREATE INDEX crosscheck_fact_person ON crosscheck_fact (person) WHERE person IS NOT NULL');
    await queryRunner.query('CREATE INDEX crosscheck_fact_household ON crosscheck_fact (household) WHERE household IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE crosscheck_membership (
        household  varchar(120) NOT NULL,
        person     varchar(120) NOT NULL,
        PRIMARY KEY (household, person)
      )`);
    await queryRunner.query('CREATE INDEX crosscheck_membership_person ON crosscheck_membership (person)');
    await queryRunner.query(`
      CREATE TABLE crosscheck_finding (
        finding_id  char(64)     PRIMARY KEY,
        subject     varchar(120) NOT NULL,
        rule        varchar(60)  NOT NULL,
        state       varchar(10)  NOT NULL CHECK (state IN ('open', 'closed')),
        finding     jsonb        NOT NULL,
        responses   jsonb        NOT NULL DEFAULT '[]',
        changed_at  timestamptz  NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX crosscheck_finding_open ON crosscheck_finding (subject) WHERE state = 'open'`);
    await queryRunner.query(`
      CREATE TABLE crosscheck_outbox (
        sequence      bigserial    PRIMARY KEY,
        finding_id    char(64)     NOT NULL,
        change        varchar(10)  NOT NULL,
        event         jsonb        NOT NULL,
        not_before    timestamptz  NOT NULL,
        published_at  timestamptz
      )`);
    await queryRunner.query('CREATE INDEX crosscheck_outbox_unpublished ON crosscheck_outbox (sequence) WHERE published_at IS NULL');
    await queryRunner.query('CREATE INDEX crosscheck_outbox_finding ON crosscheck_outbox (finding_id) WHERE published_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['crosscheck_outbox', 'crosscheck_finding', 'crosscheck_membership', 'crosscheck_fact']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
