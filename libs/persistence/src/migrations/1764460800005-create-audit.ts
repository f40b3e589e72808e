import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit store: every record of every hub topic, hash-chained per topic partition, and the
 * signed checkpoints that seal the chains. Both tables refuse UPDATE, DELETE and TRUNCATE, so
 * the store only grows; the chains and signatures show it if someone goes around that.
 */
export class CreateAudit1764460800005 implements MigrationInterface {
  name = 'CreateAudit1764460800005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_chain (
        topic      varchar(249) NOT NULL,
        partition  integer      NOT NULL,
        PRIMARY KEY (topic, partition)
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        topic          varchar(249) NOT NULL,
        partition      integer      NOT NULL,
        "offset"       bigint       NOT NULL,
        position       bigint       NOT NULL,
        timestamp_ms   bigint       NOT NULL,
        key            bytea,
        value          bytea,
        headers        jsonb        NOT NULL,
        previous_hash  bytea        NOT NULL,
        hash           bytea        NOT NULL,
        event_source   varchar(200),
        event_id       varchar(200),
        recorded_at    timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, partition, "offset")
      )`);
    await queryRunner.query('CREATE INDEX audit_entry_event ON audit_entry (event_source, event_id) WHERE event_id IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE audit_checkpoint (
        topic        varchar(249) NOT NULL,
        partition    integer      NOT NULL,
        entries      bigint       NOT NULL,
        last_offset  bigint       NOT NULL,
        head_hash    bytea        NOT NULL,
        sealed_at    timestamptz  NOT NULL,
        key_id       varchar(16)  NOT NULL,
        signature    bytea        NOT NULL,
        PRIMARY KEY (topic, partition, entries)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit store is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_chain', 'audit_entry', 'audit_checkpoint']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_checkpoint', 'audit_entry', 'audit_chain']) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
  }
}
