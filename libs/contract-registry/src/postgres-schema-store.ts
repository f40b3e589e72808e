import type { DataSource, EntityManager } from 'typeorm';
import type { CompatibilityMode, JsonSchema } from '@hub/contracts';
import type { Lifecycle, SchemaStore, StoredVersion } from './schema-store.js';

interface VersionRow {
  subject: string;
  version: number;
  id: number;
  schema: JsonSchema;
  schema_text: string;
  lifecycle: Lifecycle;
  fingerprint: string;
}

const GLOBAL = '';
const SELECT_VERSIONS = `
  SELECT v.subject, v.version, s.id, s.schema, s.schema_text, v.lifecycle, s.fingerprint
  FROM registry_subject_version v JOIN registry_schema s ON s.id = v.schema_id
  WHERE v.subject = $1 AND NOT v.deleted ORDER BY v.version`;

const toStored = (row: VersionRow): StoredVersion => ({
  subject: row.subject,
  version: row.version,
  id: row.id,
  schema: row.schema,
  schemaText: row.schema_text,
  lifecycle: row.lifecycle,
});

/** The registry's store in PostgreSQL (tables from the hub's migrations). */
export class PostgresSchemaStore implements SchemaStore {
  constructor(private readonly dataSource: DataSource) {}

  async subjects(): Promise<string[]> {
    const rows: { subject: string }[] = await this.dataSource.query('SELECT DISTINCT subject FROM registry_subject_version WHERE NOT deleted ORDER BY subject');
    return rows.map((row) => row.subject);
  }

  async versions(subject: string): Promise<StoredVersion[]> {
    const rows: VersionRow[] = await this.dataSource.query(SELECT_VERSIONS, [subject]);
    return rows.map(toStored);
  }

  async schemaById(id: number): Promise<{ id: number; schema: JsonSchema; schemaText: string } | undefined> {
    const [row]: { id: number; schema: JsonSchema; schema_text: string }[] = await this.dataSource.query('SELECT id, schema, schema_text FROM registry_schema WHERE id = $1', [id]);
    return row && { id: row.id, schema: row.schema, schemaText: row.schema_text };
  }

  addVersion(subject: string, schema: JsonSchema, schemaText: string, fingerprint: string, decide: (existing: StoredVersion[]) => void): Promise<StoredVersion> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      // Serialises registrations per subject, so two writers cannot take the same version number.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`registry:${subject}`]);
      const existing: VersionRow[] = await manager.query(SELECT_VERSIONS, [subject]);
      const same = existing.find((row) => row.fingerprint === fingerprint);
      if (same) return toStored(same);
      decide(existing.map(toStored));
      await manager.query(`INSERT INTO registry_schema (fingerprint, schema, schema_text) VALUES ($1, $2, $3) ON CONFLICT (fingerprint) DO NOTHING`, [fingerprint, schema, schemaText]);
      const [{ id, schema_text }]: { id: number; schema_text: string }[] = await manager.query('SELECT id, schema_text FROM registry_schema WHERE fingerprint = $1', [fingerprint]);
      const [{ next }]: { next: number }[] = await manager.query('SELECT coalesce(max(version), 0) + 1 AS next FROM registry_subject_version WHERE subject = $1', [subject]);
      await manager.query('INSERT INTO registry_subject_version (subject, version, schema_id) VALUES ($1, $2, $3)', [subject, next, id]);
      return { subject, version: next, id, schema, schemaText: schema_text, lifecycle: 'active' as const };
    });
  }

  async deleteVersions(subject: string, version?: number): Promise<number[]> {
    // TypeORM answers an UPDATE on PostgreSQL as [returned rows, affected count], not as the rows.
    const [rows]: [{ version: number }[], number] = await this.dataSource.query(
      `UPDATE registry_subject_version SET deleted = true WHERE subject = $1 AND NOT deleted AND ($2::int IS NULL OR version = $2) RETURNING version`,
      [subject, version ?? null],
    );
    return rows.map((row) => row.version).sort((a, b) => a - b);
  }

  async compatibility(subject: string | null): Promise<CompatibilityMode | undefined> {
    const [row]: { compatibility: CompatibilityMode }[] = await this.dataSource.query('SELECT compatibility FROM registry_config WHERE subject = $1', [subject ?? GLOBAL]);
    return row?.compatibility;
  }

  async setCompatibility(subject: string | null, mode: CompatibilityMode): Promise<void> {
    await this.dataSource.query(`INSERT INTO registry_config (subject, compatibility) VALUES ($1, $2) ON CONFLICT (subject) DO UPDATE SET compatibility = excluded.compatibility`, [
      subject ?? GLOBAL,
      mode,
    ]);
  }

  async deleteCompatibility(subject: string): Promise<void> {
    await this.dataSource.query('DELETE FROM registry_config WHERE subject = $1', [subject]);
  }

  async setLifecycle(subject: string, lifecycle: Lifecycle): Promise<void> {
    await this.dataSource.query('UPDATE registry_subject_version SET lifecycle = $2 WHERE subject = $1', [subject, lifecycle]);
  }
}
