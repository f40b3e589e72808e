import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries keep their headers as bytes in the chain's own encoding (count, then each name and
 * value length-prefixed, as the hash covers them) instead of JSON: verifying hashes the stored
 * bytes as they are, where JSON had to be rendered by PostgreSQL, parsed and encoded again for
 * every entry. Rewriting the column fires no row trigger, so the append-only store stays closed;
 * the hashes of the converted entries still verify, which shows the conversion changed nothing.
 */
export class AuditHeadersInChainEncoding1764460800006 implements MigrationInterface {
  name = 'AuditHeadersInChainEncoding1764460800006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_headers_to_bytes(headers jsonb) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT int4send(jsonb_array_length(headers)) || coalesce(string_agg(
          int4send(octet_length(convert_to(h->>0, 'UTF8'))) || convert_to(h->>0, 'UTF8') ||
          int4send(octet_length(convert_to(h->>1, 'UTF8'))) || convert_to(h->>1, 'UTF8'), ''::bytea ORDER BY n), ''::bytea)
        FROM jsonb_array_elements(headers) WITH ORDINALITY AS e(h, n)
      $$`);
    await queryRunner.query('ALTER TABLE audit_entry ALTER COLUMN headers TYPE bytea USING audit_headers_to_bytes(headers)');
    await queryRunner.query('DROP FUNCTION audit_headers_to_bytes(jsonb)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_headers_to_json(bytes bytea) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        headers jsonb := '[]';
        at integer := 4;
        texts text[];
        size integer;
      BEGIN
        FOR i IN 1 .. 2 * ((get_byte(bytes, 0) << 24) | (get_byte(bytes, 1) << 16) | (get_byte(bytes, 2) << 8) | get_byte(bytes, 3)) LOOP
          size := (get_byte(bytes, at) << 24) | (get_byte(bytes, at + 1) << 16) | (get_byte(bytes, at + 2) << 8) | get_byte(bytes, at + 3);
          texts := texts || convert_from(substring(bytes FROM at + 5 FOR size), 'UTF8');
          at := at + 4 + size;
          IF i % 2 = 0 THEN headers := headers || jsonb_build_array(jsonb_build_array(texts[i - 1], texts[i])); END IF;
        END LOOP;
        RETURN headers;
      END $$`);
    await queryRunner.query('ALTER TABLE audit_entry ALTER COLUMN headers TYPE jsonb USING audit_headers_to_json(headers)');
    await queryRunner.query('DROP FUNCTION audit_headers_to_json(bytea)');
  }
}
