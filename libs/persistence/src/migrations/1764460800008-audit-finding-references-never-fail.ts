import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FINDING_REFERENCES_FUNCTION_V7 } from './1764460800007-audit-finding-references.js';

/**
 * The finding-references index function never fails an insert: a value it cannot read (nested
 * past PostgreSQL's limits, too large, any other error) names no finding, and the entry is still
 * recorded. Before, such a value failed the audit's insert, the record went to the dead letters,
 * and the audit, which records the dead letters too, failed on it again, for ever.
 */
export class AuditFindingReferencesNeverFail1764460800008 implements MigrationInterface {
  name = 'AuditFindingReferencesNeverFail1764460800008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_finding_references(value bytea) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      DECLARE
        document jsonb;
      BEGIN
        IF value IS NULL OR (position('"findingId"'::bytea IN value) = 0 AND position('"items"'::bytea IN value) = 0) THEN
          RETURN NULL;
        END IF;
        BEGIN
          document := convert_from(value, 'UTF8')::jsonb;
          IF jsonb_typeof(document) <> 'object' THEN
            RETURN NULL;
          END IF;
          RETURN array_remove(ARRAY[document ->> 'findingId'], NULL)
            || CASE WHEN jsonb_typeof(document -> 'items') = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(document -> 'items')) ELSE '{}'::text[] END;
        EXCEPTION WHEN OTHERS THEN
          RETURN NULL;
        END;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE ${FINDING_REFERENCES_FUNCTION_V7}`);
  }
}
