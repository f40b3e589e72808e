import { CLASSIFICATIONS, CONTRACT_KEYWORD, SHARING_KEYWORD, type Classification, type JsonSchema } from '../contract-annotations.js';
import { classifiedFields } from '../field-classification.js';

/**
 * A change to a contract that no structural compatibility rule can judge, because it changes what
 * the hub does with the data rather than which documents are valid: who owns the events, where
 * they go, how a field is protected, who may read it. Only the person answerable for the data
 * catalogue (the data steward) may make one.
 */
export interface GovernedChange {
  kind: 'classification-lowered' | 'binding-changed' | 'sharing-changed';
  /** JSON pointer: into the documents for a classification, to the keyword for a binding or sharing. */
  pointer: string;
  detail: string;
}

/** How strongly each classification protects a field: a lower rank protects less. */
const PROTECTION: Record<Classification, number> = Object.fromEntries(CLASSIFICATIONS.map((c, i) => [c, CLASSIFICATIONS.length - i])) as Record<Classification, number>;

const show = (value: unknown) => JSON.stringify(value ?? null);

function bindingChanges(before: JsonSchema, after: JsonSchema): GovernedChange[] {
  const [old, now] = [(before[CONTRACT_KEYWORD] ?? {}) as Record<string, unknown>, (after[CONTRACT_KEYWORD] ?? {}) as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  return keys
    .filter((key) => show(old[key]) !== show(now[key]))
    .map((key) => ({ kind: 'binding-changed' as const, pointer: `/${CONTRACT_KEYWORD}/${key}`, detail: `the contract's ${key} ${show(old[key])} became ${show(now[key])}` }));
}

function sharingChanges(before: JsonSchema, after: JsonSchema): GovernedChange[] {
  const [old, now] = [before[SHARING_KEYWORD] ?? [], after[SHARING_KEYWORD] ?? []];
  if (show(old) === show(now)) return [];
  return [{ kind: 'sharing-changed', pointer: `/${SHARING_KEYWORD}`, detail: `the sharing rules ${show(old)} became ${show(now)}` }];
}

function loweredClassifications(before: JsonSchema, after: JsonSchema): GovernedChange[] {
  const old = new Map(classifiedFields(before).map((field) => [field.pointer, field.classification]));
  return classifiedFields(after).flatMap(({ pointer, classification }) => {
    const was = old.get(pointer);
    if (was === undefined || PROTECTION[classification] >= PROTECTION[was]) return [];
    return [{ kind: 'classification-lowered' as const, pointer, detail: `field ${pointer} was ${was} and would be ${classification}, so the hub would protect it less` }];
  });
}

/** The owner of the hub's own contracts (findings, responses). */
const HUB_OWNER = 'hub';

/** What in a first version is governed: sharing anything at all, and a contract the hub itself would own. */
function governedInFirstVersion(after: JsonSchema): GovernedChange[] {
  const owner = ((after[CONTRACT_KEYWORD] ?? {}) as Record<string, unknown>)['owner'];
  const hubOwned: GovernedChange[] = owner === HUB_OWNER ? [{ kind: 'binding-changed', pointer: `/${CONTRACT_KEYWORD}/owner`, detail: 'a new contract owned by the hub itself' }] : [];
  return [...hubOwned, ...sharingChanges({}, after)];
}

/**
 * The governed changes from the latest registered version of a contract to a candidate, or in a
 * candidate that would be the subject's first version (`before` undefined).
 */
export function governedChanges(before: JsonSchema | undefined, after: JsonSchema): GovernedChange[] {
  if (before === undefined) return governedInFirstVersion(after);
  return [...bindingChanges(before, after), ...sharingChanges(before, after), ...loweredClassifications(before, after)];
}
