import type { JsonSchema } from '../contract-annotations.js';
import { modeRules, type CompatibilityMode } from './compatibility-mode.js';
import { diffSchemas } from './diff-schemas.js';
import type { DifferenceKind, SchemaDifference } from './schema-difference.js';

export interface VersionedSchema {
  version: number;
  schema: JsonSchema;
}

export interface Incompatibility extends SchemaDifference {
  /** The earlier version the candidate breaks. */
  version: number;
  direction: 'backward' | 'forward';
  /** Why it breaks, and what change would be compatible instead. */
  explanation: string;
}

export interface CompatibilityVerdict {
  compatible: boolean;
  mode: CompatibilityMode;
  /** Every difference to the latest version, compatible ones included. */
  differences: SchemaDifference[];
  incompatibilities: Incompatibility[];
}

/** What would be compatible instead, per kind of difference. */
const COMPATIBLE_INSTEAD: Record<DifferenceKind, string> = {
  'property-added-to-closed-model': 'To keep consumers on the old version working, add the field in a new major version, or let consumers upgrade first (BACKWARD).',
  'property-added-to-open-model':
    'The old content model is open, so earlier documents may already carry this field with any value. Compatible instead: leave the field unconstrained ({}), or close the content model (additionalProperties: false) in a new major version, after which optional fields can be added freely.',
  'required-property-added-to-closed-model': 'Add the field as optional (leave it out of "required") and document its default.',
  'required-property-added-to-open-model': 'Add the field as optional (leave it out of "required") and document its default.',
  'property-removed-from-closed-model': 'Keep the field and mark it deprecated in its description; remove it in a new major version.',
  'property-removed-from-open-model': 'Keep the field as it was and mark it deprecated in its description; remove it in a new major version.',
  'required-added': 'Keep the field optional, or require it only in a new major version.',
  'required-removed': 'Keep the field required until every consumer reads the new version.',
  'content-model-closed': 'Keep the content model open, or close it in a new major version.',
  'content-model-opened': 'Keep additionalProperties: false and declare each new field as an optional property.',
  'type-narrowed': 'Keep the old types; a type may be widened, not narrowed, when earlier documents must stay valid.',
  'type-widened': 'Keep the old type, or add the new type in a new major version.',
  'type-changed': 'Keep the old type, or change it in a new major version.',
  'enum-narrowed': 'Keep the removed values (mark them deprecated in the description).',
  'enum-extended': 'Consumers on the old version reject the new values: add them in a new major version, or let consumers upgrade first (BACKWARD).',
  'enum-changed': 'Keep the old values, and add new ones only where the mode allows it.',
  'bound-tightened': 'Keep the old bound; a bound may be loosened, not tightened, when earlier documents must stay valid.',
  'bound-loosened': 'Keep the old bound until every consumer reads the new version.',
  'pattern-added': 'Earlier documents were not held to this pattern: leave it out, or add it in a new major version.',
  'pattern-removed': 'Keep the pattern until every consumer reads the new version.',
  'pattern-changed': 'The hub cannot prove that the new pattern accepts what the old one did: keep the old pattern, or change it in a new major version.',
  'format-added': 'Earlier documents were not held to this format: leave it out, or add it in a new major version.',
  'format-removed': 'Keep the format until every consumer reads the new version.',
  'format-changed': 'Keep the old format, or change it in a new major version.',
  'combinator-changed': 'The hub cannot prove that the changed combinator accepts the same documents: keep it as it was, or check the candidate against the events actually on the topic.',
  'classification-changed': '',
};

function breaks(difference: SchemaDifference, direction: 'backward' | 'forward'): boolean {
  if (difference.effect === 'changes') return true;
  return direction === 'backward' ? difference.effect === 'narrows' : difference.effect === 'widens';
}

function explain(difference: SchemaDifference, version: number, direction: 'backward' | 'forward'): string {
  const where = difference.pointer === '' ? 'At the top level' : `At ${difference.pointer}`;
  const consequence =
    direction === 'backward'
      ? `documents valid under version ${version} would be rejected by the candidate`
      : `documents valid under the candidate would be rejected by consumers still reading version ${version}`;
  return `${where}, ${difference.detail}: ${consequence}. ${COMPATIBLE_INSTEAD[difference.kind]}`;
}

/**
 * Judges a candidate schema against the earlier versions (oldest first) under a mode: BACKWARD
 * means every document valid under the earlier version is valid under the candidate, FORWARD the
 * reverse, FULL both; *_TRANSITIVE against every earlier version, otherwise only the latest.
 */
export function checkCompatibility(candidate: JsonSchema, earlier: readonly VersionedSchema[], mode: CompatibilityMode): CompatibilityVerdict {
  const latest = earlier.at(-1);
  const differences = latest ? diffSchemas(latest.schema, candidate) : [];
  if (mode === 'NONE' || !latest) return { compatible: true, mode, differences, incompatibilities: [] };
  const rules = modeRules(mode);
  const incompatibilities: Incompatibility[] = [];
  for (const { version, schema } of rules.transitive ? earlier : [latest]) {
    for (const difference of schema === latest.schema ? differences : diffSchemas(schema, candidate)) {
      for (const direction of ['backward', 'forward'] as const) {
        if (rules[direction] && breaks(difference, direction)) {
          incompatibilities.push({ ...difference, version, direction, explanation: explain(difference, version, direction) });
        }
      }
    }
  }
  return { compatible: incompatibilities.length === 0, mode, differences, incompatibilities };
}
