import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway: members and their API keys (hashes only), what each member's records became
 * (idempotency), its rejected records, the department record keys behind each pseudonym (so
 * findings reach a department in its own keys), and the findings routed to each member.
 */
export class CreateGateway1764460800002 implements MigrationInterface {
  name = 'CreateGateway1764460800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE gateway_member (
        member_id           varchar(60)  PRIMARY KEY,
        display_name        text         NOT NULL,
        role                varchar(20)  NOT NULL CHECK (role IN ('department', 'auditor')),
        records_per_second  integer      NOT NULL CHECK (records_per_second > 0),
        max_request_bytes   integer      NOT NULL CHECK (max_request_bytes > 0),
        created_at          timestamptz  NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway_api_key (
        key_id      varchar(12)  PRIMARY KEY,
        member_id   varchar(60)  NOT NULL REFERENCES gateway_member (member_id),
        key_hash    char(64)     NOT NULL,
        created_at  timestamptz  NOT NULL DEFAULT now(),
        expires_at  timestamptz,
        revoked_at  timestamptz
      )`);
    await queryRunner.query('CREATE INDEX gateway_api_key_member ON gateway_api_key (member_id)');
    await queryRunner.query(`
      CREATE TABLE gateway_ingest_result (
        member_id    varchar(60)  NOT NULL,
        event_id     varchar(200) NOT NULL,
        event_type   varchar(200) NOT NULL,
        topic        varchar(249) NOT NULL,
        accepted_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway_rejection (
        rejection_id  bigserial    PRIMARY KEY,
        member_id     varchar(60)  NOT NULL,
        event_id      varchar(200),
        event_type    varchar(200),
        channel       varchar(10)  NOT NULL CHECK (channel IN ('http', 'kafka')),
        problems      jsonb        NOT NULL,
        record        jsonb        NOT NULL,
        rejected_at   timestamptz  NOT NULL DEFAULT now(),
        replayed_at   timestamptz
      )`);
    await queryRunner.query('CREATE INDEX gateway_rejection_member ON gateway_rejection (member_id, rejection_id)');
    await queryRunner.query(`
      CREATE TABLE gateway_record_key (
        member_id  varchar(60)  NOT NULL,
        pseudonym  varchar(120) NOT NULL,
        field      varchar(100) NOT NULL,
        original   varchar(200) NOT NULL,
        PRIMARY KEY (member_id, pseudonym, field)
      )`);
    await queryRunner.query(`
      CREATE TABLE gateway_csv_mapping (
        member_id   varchar(60)  NOT NULL REFERENCES gateway_member (member_id),
        event_type  varchar(200) NOT NULL,
        mapping     jsonb        NOT NULL,
        updated_at  timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, event_type)
      )`);
    // A finding takes a new sequence number whenever it changes, so paging by sequence is a change feed.
    await queryRunner.query('CREATE SEQUENCE gateway_finding_sequence');
    await queryRunner.query(`
      CREATE TABLE gateway_finding (
        member_id    varchar(60)  NOT NULL,
        finding_id   char(64)     NOT NULL,
        sequence     bigint       NOT NULL UNIQUE DEFAULT nextval('gateway_finding_sequence'),
        rule         varchar(60)  NOT NULL,
        state        varchar(20)  NOT NULL CHECK (state IN ('open', 'closed')),
        period       varchar(20)  NOT NULL,
        finding      jsonb        NOT NULL,
        occurred_at  timestamptz  NOT NULL,
        PRIMARY KEY (member_id, finding_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway_finding');
    await queryRunner.query('DROP SEQUENCE gateway_finding_sequence');
    for (const table of ['gateway_csv_mapping', 'gateway_record_key', 'gateway_rejection', 'gateway_ingest_result', 'gateway_api_key', 'gateway_member']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
