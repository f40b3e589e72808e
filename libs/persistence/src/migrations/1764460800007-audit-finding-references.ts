import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The function as this migration made it; migration 8's down() brings it back. */
export const FINDING_REFERENCES_FUNCTION_V7 = `
      FUNCTION audit_finding_references(value bytea) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        document jsonb;
      BEGIN
        IF value IS NULL OR (position('"findingId"'::bytea IN value) = 0 AND position('"items"'::bytea IN value) = 0) THEN
          RETURN NULL;
        END IF;
        BEGIN
          document := convert_from(value, 'UTF8')::jsonb;
        EXCEPTION WHEN invalid_text_representation OR character_not_in_repertoire OR untranslatable_character THEN
          RETURN NULL;
        END;
        IF jsonb_typeof(document) <> 'object' THEN
          RETURN NULL;
        END IF;
        RETURN array_remove(ARRAY[document ->> 'findingId'], NULL)
          || CASE WHEN jsonb_typeof(document -> 'items') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(document -> 'items')) ELSE '{}'::text[] END;
      END $$`;

/**
 * An index of the findings each audit entry names, so a finding's lineage is found by lookup
 * instead of parsing every recorded finding change, response and access-log entry. PostgreSQL
 * derives it from the entries themselves (an expression index), so nothing the hub writes can make
 * it disagree with the store, and building it covers the entries recorded before it.
 *
 * An entry names a finding by a `findingId` member (finding changes, responses) or in an `items`
 * array (the access log). Values are searched for those member names before they are parsed, so
 * canonical events cost two byte searches; a value that is not JSON names nothing and is still
 * recorded.
 */
export class AuditFindingReferences1764460800007 implements MigrationInterface {
  name = 'AuditFindingReferences1764460800007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE ${FINDING_REFERENCES_FUNCTION_V7}`);
    await queryRunner.query('CREATE INDEX audit_entry_finding_references ON audit_entry USING gin (audit_finding_references(value))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_entry_finding_references');
    await queryRunner.query('DROP FUNCTION audit_finding_references(bytea)');
  }
}
