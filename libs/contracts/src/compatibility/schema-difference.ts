/**
 * What one structural difference between two versions of a contract does to the set of documents
 * the contract accepts: `widens` (the new version accepts more), `narrows` (it accepts less),
 * `changes` (neither contains the other, or the hub cannot prove which), `none` (annotations).
 */
export type DifferenceEffect = 'widens' | 'narrows' | 'changes' | 'none';

export const DIFFERENCE_KINDS = [
  'property-added-to-closed-model',
  'property-added-to-open-model',
  'required-property-added-to-closed-model',
  'required-property-added-to-open-model',
  'property-removed-from-closed-model',
  'property-removed-from-open-model',
  'required-added',
  'required-removed',
  'content-model-closed',
  'content-model-opened',
  'type-narrowed',
  'type-widened',
  'type-changed',
  'enum-narrowed',
  'enum-extended',
  'enum-changed',
  'bound-tightened',
  'bound-loosened',
  'pattern-added',
  'pattern-removed',
  'pattern-changed',
  'format-added',
  'format-removed',
  'format-changed',
  'combinator-changed',
  'classification-changed',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface SchemaDifference {
  /** JSON pointer into the schema (e.g. `/properties/members/items/properties/name`). */
  pointer: string;
  kind: DifferenceKind;
  effect: DifferenceEffect;
  /** What changed, in words, with the old and new values where they help. */
  detail: string;
}
