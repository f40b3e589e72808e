import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit store's records sealed by month, so that personal data expires from an append-only
 * store (issue 20): each entry's key and value are sealed (AES-256-GCM) under the key of the month
 * it was recorded in, and the hash chain covers what is stored, the ciphertext. Destroying a
 * month's key (crypto-shredding) leaves its entries unreadable while every chain still verifies.
 *
 * - `audit_period_key`: one key per month (`YYYY-MM`, UTC), stored wrapped under the audit's own
 *   key ring; destroying it sets `wrapped_key` to NULL and `destroyed_at`. A destroyed key never
 *   comes back and no row is ever deleted: the table is the record of what expired when.
 * - `audit_entry.sealed_period`: the month an entry was sealed under; NULL for an entry recorded
 *   in the clear, before this migration.
 * - `audit_entry.finding_references`: the findings an entry names (`findingId`, `items`), read
 *   from the value before it was sealed, for the lineage; the SQL function that read them from the
 *   stored value cannot read a sealed one. Entries recorded before are given theirs here.
 */
export class AuditSealedByPeriod1764460800012 implements MigrationInterface {
  name = 'AuditSealedByPeriod1764460800012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_period_key (
        period        varchar(7)   PRIMARY KEY CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
        wrapped_key   text,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        destroyed_at  timestamptz,
        CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION audit_period_key_only_destroyed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL AND NEW.period = OLD.period AND NEW.created_at = OLD.created_at THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'an audit period key is only ever destroyed: % on audit_period_key % is refused', TG_OP, OLD.period USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('CREATE TRIGGER audit_period_key_only_destroyed BEFORE UPDATE OR DELETE ON audit_period_key FOR EACH ROW EXECUTE FUNCTION audit_period_key_only_destroyed()');
    await queryRunner.query('CREATE TRIGGER audit_period_key_no_truncate BEFORE TRUNCATE ON audit_period_key FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()');
    await queryRunner.query('ALTER TABLE audit_entry ADD COLUMN sealed_period varchar(7), ADD COLUMN finding_references text[]');
    // The one change ever made to recorded entries: a column the hash does not cover, derived from what they hold.
    await queryRunner.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    await queryRunner.query('UPDATE audit_entry SET finding_references = audit_finding_references(value) WHERE audit_finding_references(value) IS NOT NULL');
    await queryRunner.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
    await queryRunner.query('CREATE INDEX audit_entry_named_findings ON audit_entry USING gin (finding_references) WHERE finding_references IS NOT NULL');
    await queryRunner.query('DROP INDEX audit_entry_finding_references');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX audit_entry_finding_references ON audit_entry USING gin (audit_finding_references(value))');
    await queryRunner.query('DROP INDEX audit_entry_named_findings');
    await queryRunner.query('ALTER TABLE audit_entry DROP COLUMN sealed_period, DROP COLUMN finding_references');
    await queryRunner.query('DROP TABLE audit_period_key');
    await queryRunner.query('DROP FUNCTION audit_period_key_only_destroyed()');
  }
}
