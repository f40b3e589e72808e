import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared facts each member may read, indexed by member (issue 25): a member's page of facts
 * was a scan of every fact in arrival order, keeping those about persons it holds record keys of,
 * which for the full region read millions of facts to serve a member who knows a few. A row is
 * added when a fact is kept about a person the member knows, and when the member comes to know a
 * person facts were kept about; `sequence` is the order facts became the member's to read, so a
 * fact it may read only since its last record is served after its cursor, not missed behind it.
 * The rows of facts kept before keep the fact's own sequence, so cursors given out stay valid.
 */
export class MemberFacts1764460800023 implements MigrationInterface {
  name = 'MemberFacts1764460800023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_member_fact (
        member_id      varchar(60)  NOT NULL,
        sequence       bigserial    NOT NULL,
        fact_sequence  bigint       NOT NULL,
        event_type     varchar(200) NOT NULL,
        PRIMARY KEY (member_id, sequence),
        UNIQUE (member_id, fact_sequence)
      )`);
    // Who knows the person of a fact being kept: one lookup a fact, not one a member.
    await queryRunner.query('CREATE INDEX gateway_record_key_pseudonym ON gateway_record_key (pseudonym)');
    await queryRunner.query(`
      INSERT INTO gateway_member_fact (member_id, sequence, fact_sequence, event_type)
      SELECT k.member_id, f.sequence, f.sequence, f.event_type
        FROM gateway_fact f JOIN (SELECT DISTINCT member_id, pseudonym FROM gateway_record_key) k ON k.pseudonym = f.subject`);
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('gateway_member_fact', 'sequence'), COALESCE((SELECT max(sequence) FROM gateway_fact), 0) + 1, false)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_member_fact');
    await queryRunner.query('DROP INDEX gateway_record_key_pseudonym');
  }
}
