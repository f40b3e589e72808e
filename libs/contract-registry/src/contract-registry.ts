import { sharingRuleProblems } from '@hub/access';
import {
  bindingProblems,
  checkCompatibility,
  classifiedFields,
  ContractSchemaError,
  ContractValidator,
  governedChanges,
  isCompatibilityMode,
  unclassifiedFields,
  type CompatibilityMode,
  type CompatibilityVerdict,
  type ContractBinding,
  type GovernedChange,
  type JsonSchema,
} from '@hub/contracts';
import type { ContractChangeSink, ContractState } from './contract-change.js';
import { RegistryError, RegistryErrorCode } from './registry-error.js';
import { schemaFingerprint } from './schema-fingerprint.js';
import { LIFECYCLES, type Lifecycle, type SchemaStore, type StoredVersion } from './schema-store.js';

/** The hub's view of a registered contract: the registry entry plus what the hub acts on. */
export interface ContractSummary {
  subject: string;
  version: number;
  id: number;
  lifecycle: Lifecycle;
  binding?: ContractBinding;
  classification: { pointer: string; classification: string }[];
}

/** A registration as it is about to be stored, for the caller's authorisation: whose subject it is, whose the candidate says, and what it governs. */
export interface RegistrationPlan {
  subject: string;
  currentOwner: string | undefined;
  candidateOwner: string | undefined;
  governed: GovernedChange[];
}

/** A compatibility verdict with the governed changes beside it, which no compatibility mode judges. */
export type CompatibilityReport = CompatibilityVerdict & { governed: GovernedChange[] };

const ownerOf = (schema: JsonSchema | undefined): string | undefined => {
  const binding = schema?.['x-hub-contract'];
  return isObject(binding) && typeof binding['owner'] === 'string' ? binding['owner'] : undefined;
};

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The contract's topic binding (x-hub-contract), when it has one. */
function bindingOf(schema: JsonSchema): { binding?: ContractBinding } {
  const binding = schema['x-hub-contract'];
  return isObject(binding) ? { binding: binding as unknown as ContractBinding } : {};
}

/**
 * The registry's use cases, on any SchemaStore: register and evolve contracts under a
 * compatibility mode, look them up the way Confluent Schema Registry clients do, and keep the
 * hub's extensions (owner, topic, classification, lifecycle).
 */
export class ContractRegistry {
  constructor(
    private readonly store: SchemaStore,
    /** Told of every change after it is stored; a failure there fails the call, and a retry republishes. */
    private readonly changes: ContractChangeSink,
    private readonly defaultMode: CompatibilityMode = 'BACKWARD',
  ) {}

  /** Parses and checks a schema as a contract. @throws RegistryError 42201 saying what is wrong. */
  parse(schemaText: string, schemaType: string | undefined): JsonSchema {
    if ((schemaType ?? 'AVRO') !== 'JSON') {
      throw new RegistryError(RegistryErrorCode.InvalidSchema, `This registry holds JSON Schema contracts only: send "schemaType": "JSON" (got ${JSON.stringify(schemaType ?? 'AVRO')}).`);
    }
    let schema: unknown;
    try {
      schema = JSON.parse(schemaText);
    } catch (error) {
      throw new RegistryError(RegistryErrorCode.InvalidSchema, `Invalid schema: not JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (!isObject(schema)) throw new RegistryError(RegistryErrorCode.InvalidSchema, 'Invalid schema: a contract is a JSON object.');
    try {
      new ContractValidator().add(schema['$id'] === undefined ? { ...schema, $id: 'urn:nx-hub:candidate' } : schema);
    } catch (error) {
      if (error instanceof ContractSchemaError) throw new RegistryError(RegistryErrorCode.InvalidSchema, `Invalid schema: ${error.reason}`);
      throw error;
    }
    const unclassified = unclassifiedFields(schema);
    if (unclassified.length > 0) {
      throw new RegistryError(
        RegistryErrorCode.InvalidSchema,
        `Invalid schema: every field needs "x-hub-classification" (personal-identifier, personal or public); missing at ${unclassified.join(', ')}.`,
      );
    }
    const sharing = sharingRuleProblems(schema);
    if (sharing.length > 0) throw new RegistryError(RegistryErrorCode.InvalidSchema, `Invalid schema: ${sharing.join('; ')}.`);
    return schema;
  }

  /**
   * Registers the schema as the subject's next version, or answers the version that holds it.
   * @param authorize decides, before anything is stored and under the subject's lock, whether the
   *   caller may make this registration; it throws to refuse. The standard contracts loaded at start
   *   pass none: they are the hub's own.
   */
  async register(subject: string, schemaText: string, schemaType: string | undefined, authorize?: (plan: RegistrationPlan) => void): Promise<StoredVersion> {
    const schema = this.parse(schemaText, schemaType);
    this.requireSoundBinding(subject, schema);
    const fingerprint = schemaFingerprint(schema);
    const mode = await this.modeOf(subject);
    const stored = await this.store.addVersion(subject, schema, schemaText, fingerprint, (existing) => {
      const latest = existing.at(-1)?.schema;
      authorize?.({ subject, currentOwner: ownerOf(latest), candidateOwner: ownerOf(schema), governed: governedChanges(latest, schema) });
      const verdict = checkCompatibility(schema, existing, mode);
      if (!verdict.compatible) {
        throw new RegistryError(
          RegistryErrorCode.IncompatibleSchema,
          `Schema being registered is incompatible with an earlier schema for subject "${subject}" under ${mode}: ${verdict.incompatibilities[0].explanation}`,
          verdict.incompatibilities.map((i) => i.explanation),
        );
      }
    });
    await this.publish(subject);
    return stored;
  }

  /** Publishes every subject's current state again, e.g. at start, so followers converge on the store. */
  async publishAll(): Promise<number> {
    const subjects = await this.store.subjects();
    for (const subject of subjects) await this.publish(subject);
    return subjects.length;
  }

  /** The registered version of the subject holding this schema. */
  async lookup(subject: string, schemaText: string, schemaType: string | undefined): Promise<StoredVersion> {
    const fingerprint = schemaFingerprint(this.parse(schemaText, schemaType));
    const found = (await this.liveVersions(subject)).find((v) => schemaFingerprint(v.schema) === fingerprint);
    if (!found) throw new RegistryError(RegistryErrorCode.SchemaNotFound, `Schema not found under subject "${subject}".`);
    return found;
  }

  subjects(): Promise<string[]> {
    return this.store.subjects();
  }

  async versionNumbers(subject: string): Promise<number[]> {
    return (await this.liveVersions(subject)).map((v) => v.version);
  }

  /** @param version a version number or "latest" (or -1), as in the Confluent API. */
  async version(subject: string, version: string): Promise<StoredVersion> {
    const versions = await this.liveVersions(subject);
    if (version === 'latest' || version === '-1') return versions.at(-1)!;
    const number = Number(version);
    if (!Number.isInteger(number) || number < 1) {
      throw new RegistryError(RegistryErrorCode.InvalidVersion, `The specified version "${version}" is not a valid version id; use a positive integer or "latest".`);
    }
    const found = versions.find((v) => v.version === number);
    if (!found) throw new RegistryError(RegistryErrorCode.VersionNotFound, `Version ${number} not found for subject "${subject}".`);
    return found;
  }

  async schemaById(id: number): Promise<{ id: number; schema: JsonSchema; schemaText: string }> {
    const found = Number.isInteger(id) ? await this.store.schemaById(id) : undefined;
    if (!found) throw new RegistryError(RegistryErrorCode.SchemaNotFound, `Schema ${id} not found.`);
    return found;
  }

  /** Whether the candidate could be registered: against the given version, or all under a transitive mode; and what in it is governed. */
  async checkCompatibility(subject: string, version: string, schemaText: string, schemaType: string | undefined): Promise<CompatibilityReport> {
    const candidate = this.parse(schemaText, schemaType);
    this.requireSoundBinding(subject, candidate);
    const target = await this.version(subject, version);
    const earlier = (await this.liveVersions(subject)).filter((v) => v.version <= target.version);
    return { ...checkCompatibility(candidate, earlier, await this.modeOf(subject)), governed: governedChanges(target.schema, candidate) };
  }

  /** The department that owns the subject's latest version, if it is bound. */
  async ownerOf(subject: string): Promise<string | undefined> {
    return ownerOf((await this.liveVersions(subject)).at(-1)!.schema);
  }

  async deleteSubject(subject: string): Promise<number[]> {
    await this.liveVersions(subject);
    const deleted = await this.store.deleteVersions(subject);
    await this.publish(subject);
    return deleted;
  }

  async deleteVersion(subject: string, version: string): Promise<number> {
    const found = await this.version(subject, version);
    await this.store.deleteVersions(subject, found.version);
    await this.publish(subject);
    return found.version;
  }

  /** @param subject null for the global level. */
  async compatibilityLevel(subject: string | null, defaultToGlobal = false): Promise<CompatibilityMode> {
    if (subject === null) return (await this.store.compatibility(null)) ?? this.defaultMode;
    const own = await this.store.compatibility(subject);
    if (own) return own;
    if (defaultToGlobal) return this.compatibilityLevel(null);
    throw new RegistryError(RegistryErrorCode.SubjectCompatibilityNotConfigured, `Subject "${subject}" does not have subject-level compatibility configured.`);
  }

  async setCompatibilityLevel(subject: string | null, level: unknown): Promise<CompatibilityMode> {
    if (!isCompatibilityMode(level)) {
      throw new RegistryError(
        RegistryErrorCode.InvalidCompatibilityLevel,
        `Invalid compatibility level ${JSON.stringify(level)}; valid: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE.`,
      );
    }
    await this.store.setCompatibility(subject, level);
    return level;
  }

  async deleteCompatibilityLevel(subject: string): Promise<CompatibilityMode> {
    const previous = await this.compatibilityLevel(subject);
    await this.store.deleteCompatibility(subject);
    return previous;
  }

  async contracts(): Promise<ContractSummary[]> {
    const subjects = await this.store.subjects();
    return Promise.all(subjects.map((subject) => this.contract(subject)));
  }

  async contract(subject: string): Promise<ContractSummary> {
    const latest = (await this.liveVersions(subject)).at(-1)!;
    return {
      subject,
      version: latest.version,
      id: latest.id,
      lifecycle: latest.lifecycle,
      ...bindingOf(latest.schema),
      classification: classifiedFields(latest.schema),
    };
  }

  async setLifecycle(subject: string, lifecycle: unknown): Promise<ContractSummary> {
    if (!(LIFECYCLES as readonly unknown[]).includes(lifecycle)) {
      throw new RegistryError(RegistryErrorCode.InvalidLifecycle, `Invalid lifecycle ${JSON.stringify(lifecycle)}; valid: ${LIFECYCLES.join(', ')}.`);
    }
    await this.liveVersions(subject);
    await this.store.setLifecycle(subject, lifecycle as Lifecycle);
    await this.publish(subject);
    return this.contract(subject);
  }

  private async publish(subject: string): Promise<void> {
    const latest = (await this.store.versions(subject)).at(-1);
    if (!latest) return this.changes.publish(subject, null);
    const state: ContractState = {
      subject,
      version: latest.version,
      id: latest.id,
      lifecycle: latest.lifecycle,
      ...bindingOf(latest.schema),
      schema: latest.schema,
    };
    await this.changes.publish(subject, state);
  }

  private requireSoundBinding(subject: string, schema: JsonSchema): void {
    const problems = bindingProblems(subject, schema);
    if (problems.length > 0) throw new RegistryError(RegistryErrorCode.InvalidSchema, `Invalid schema: ${problems.join('; ')}.`);
  }

  private async modeOf(subject: string): Promise<CompatibilityMode> {
    return (await this.store.compatibility(subject)) ?? (await this.store.compatibility(null)) ?? this.defaultMode;
  }

  private async liveVersions(subject: string): Promise<StoredVersion[]> {
    const versions = await this.store.versions(subject);
    if (versions.length === 0) throw new RegistryError(RegistryErrorCode.SubjectNotFound, `Subject "${subject}" not found.`);
    return versions;
  }
}
