import type { CompatibilityMode, JsonSchema } from '@hub/contracts';

export const LIFECYCLES = ['active', 'deprecated', 'disabled'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export interface StoredVersion {
  subject: string;
  version: number;
  id: number;
  schema: JsonSchema;
  /** The schema as it was registered, byte for byte. */
  schemaText: string;
  lifecycle: Lifecycle;
}

/** What the registry keeps, behind a port so the use cases run on any store. One call = one transaction. */
export interface SchemaStore {
  subjects(): Promise<string[]>;
  /** Live (not deleted) versions of a subject, oldest first. */
  versions(subject: string): Promise<StoredVersion[]>;
  schemaById(id: number): Promise<{ id: number; schema: JsonSchema; schemaText: string } | undefined>;
  /**
   * Adds the schema as the subject's next version, deduplicating the schema across subjects. If a
   * live version of the subject already holds the same schema (same fingerprint), returns that one
   * and adds nothing. `decide` runs inside the transaction, with the subject locked, and may refuse
   * by throwing: then nothing is written.
   */
  addVersion(subject: string, schema: JsonSchema, schemaText: string, fingerprint: string, decide: (existing: StoredVersion[]) => void): Promise<StoredVersion>;
  /** Marks versions deleted (soft); returns their numbers. */
  deleteVersions(subject: string, version?: number): Promise<number[]>;
  compatibility(subject: string | null): Promise<CompatibilityMode | undefined>;
  setCompatibility(subject: string | null, mode: CompatibilityMode): Promise<void>;
  deleteCompatibility(subject: string): Promise<void>;
  setLifecycle(subject: string, lifecycle: Lifecycle): Promise<void>;
}
