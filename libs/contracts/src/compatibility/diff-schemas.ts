import { CLASSIFICATION_KEYWORD, type JsonSchema } from '../contract-annotations.js';
import type { DifferenceEffect, DifferenceKind, SchemaDifference } from './schema-difference.js';

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
const show = (value: unknown) => JSON.stringify(value);

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'const', 'dependentRequired', 'dependentSchemas', 'prefixItems', 'contains', '$ref'] as const;

/** A schema's types as a set; `integer` is inside `number`. Undefined means any type. */
function typesOf(schema: JsonSchema): Set<string> | undefined {
  const type = schema['type'];
  if (type === undefined) return undefined;
  return new Set(Array.isArray(type) ? (type as string[]) : [type as string]);
}

function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

/** Effect of moving from `before` to `after` where each set is what is accepted (undefined: everything). */
function setEffect(before: Set<string> | undefined, after: Set<string> | undefined): DifferenceEffect {
  const widened = covers(after, before);
  const narrowed = covers(before, after);
  if (widened && narrowed) return 'none';
  if (widened) return 'widens';
  if (narrowed) return 'narrows';
  return 'changes';
}

const isClosed = (schema: JsonSchema) => schema['additionalProperties'] === false || schema['unevaluatedProperties'] === false;
const requiredOf = (schema: JsonSchema) => new Set((schema['required'] as string[] | undefined) ?? []);

class Differ {
  readonly differences: SchemaDifference[] = [];

  private add(pointer: string, kind: DifferenceKind, effect: DifferenceEffect, detail: string): void {
    this.differences.push({ pointer, kind, effect, detail });
  }

  compare(before: JsonSchema, after: JsonSchema, pointer: string): void {
    this.compareTypes(before, after, pointer);
    this.compareEnums(before, after, pointer);
    this.compareBounds(before, after, pointer);
    this.compareKeyword(before, after, pointer, 'pattern');
    this.compareKeyword(before, after, pointer, 'format');
    this.compareCombinators(before, after, pointer);
    this.compareProperties(before, after, pointer);
    this.compareClassification(before, after, pointer);
    const [itemsBefore, itemsAfter] = [before['items'], after['items']];
    if (isSchema(itemsBefore) && isSchema(itemsAfter)) this.compare(itemsBefore, itemsAfter, `${pointer}/items`);
    else if (!same(itemsBefore, itemsAfter)) this.add(`${pointer}/items`, 'combinator-changed', 'changes', `items changed from ${show(itemsBefore)} to ${show(itemsAfter)}`);
  }

  private compareTypes(before: JsonSchema, after: JsonSchema, pointer: string): void {
    const [old, now] = [typesOf(before), typesOf(after)];
    const effect = setEffect(old, now);
    if (effect === 'none') return;
    const kind = effect === 'widens' ? 'type-widened' : effect === 'narrows' ? 'type-narrowed' : 'type-changed';
    this.add(`${pointer}/type`, kind, effect, `type ${show(before['type'] ?? 'any')} became ${show(after['type'] ?? 'any')}`);
  }

  private compareEnums(before: JsonSchema, after: JsonSchema, pointer: string): void {
    const toSet = (value: unknown) => (Array.isArray(value) ? new Set(value.map((v) => show(v))) : undefined);
    const [old, now] = [toSet(before['enum']), toSet(after['enum'])];
    const effect = setEffect(old, now);
    if (effect === 'none') return;
    const removed = old ? [...old].filter((v) => !now?.has(v)) : [];
    const added = now ? [...now].filter((v) => !old?.has(v)) : [];
    const kind = effect === 'widens' ? 'enum-extended' : effect === 'narrows' ? 'enum-narrowed' : 'enum-changed';
    const words = [added.length ? `adds ${added.join(', ')}` : '', removed.length ? `removes ${removed.join(', ')}` : '', !old ? 'is new' : '', !now ? 'is gone' : ''].filter(Boolean).join(' and ');
    this.add(`${pointer}/enum`, kind, effect, `the list of allowed values ${words}`);
  }

  private compareBounds(before: JsonSchema, after: JsonSchema, pointer: string): void {
    for (const [bounds, tighter] of [
      [LOWER_BOUNDS, (a: number, b: number) => b > a],
      [UPPER_BOUNDS, (a: number, b: number) => b < a],
    ] as const) {
      for (const bound of bounds) {
        const [old, now] = [before[bound] as number | undefined, after[bound] as number | undefined];
        if (old === now) continue;
        const tightened = old === undefined || (now !== undefined && tighter(old, now));
        this.add(
          `${pointer}/${bound}`,
          tightened ? 'bound-tightened' : 'bound-loosened',
          tightened ? 'narrows' : 'widens',
          `${bound} ${old === undefined ? 'was not set' : `was ${old}`} and ${now === undefined ? 'is removed' : `is ${now}`}`,
        );
      }
    }
  }

  private compareKeyword(before: JsonSchema, after: JsonSchema, pointer: string, keyword: 'pattern' | 'format'): void {
    const [old, now] = [before[keyword], after[keyword]];
    if (same(old, now)) return;
    if (old === undefined) this.add(`${pointer}/${keyword}`, `${keyword}-added`, 'narrows', `${keyword} ${show(now)} is new`);
    else if (now === undefined) this.add(`${pointer}/${keyword}`, `${keyword}-removed`, 'widens', `${keyword} ${show(old)} is removed`);
    else this.add(`${pointer}/${keyword}`, `${keyword}-changed`, 'changes', `${keyword} ${show(old)} became ${show(now)}`);
  }

  private compareCombinators(before: JsonSchema, after: JsonSchema, pointer: string): void {
    for (const keyword of COMBINATORS) {
      if (!same(before[keyword], after[keyword])) {
        this.add(`${pointer}/${keyword}`, 'combinator-changed', 'changes', `${keyword} changed from ${show(before[keyword] ?? null)} to ${show(after[keyword] ?? null)}`);
      }
    }
  }

  private compareClassification(before: JsonSchema, after: JsonSchema, pointer: string): void {
    const [old, now] = [before[CLASSIFICATION_KEYWORD], after[CLASSIFICATION_KEYWORD]];
    if (old !== undefined && now !== undefined && old !== now) {
      this.add(`${pointer}/${CLASSIFICATION_KEYWORD}`, 'classification-changed', 'none', `classification ${show(old)} became ${show(now)}`);
    }
  }

  private compareProperties(before: JsonSchema, after: JsonSchema, pointer: string): void {
    const oldProperties = (isSchema(before['properties']) ? before['properties'] : {}) as Record<string, JsonSchema>;
    const newProperties = (isSchema(after['properties']) ? after['properties'] : {}) as Record<string, JsonSchema>;
    const [oldRequired, newRequired] = [requiredOf(before), requiredOf(after)];
    const [wasClosed, isNowClosed] = [isClosed(before), isClosed(after)];
    if (wasClosed && !isNowClosed) this.add(`${pointer}/additionalProperties`, 'content-model-opened', 'widens', 'fields the contract does not define are now allowed');
    if (!wasClosed && isNowClosed) this.add(`${pointer}/additionalProperties`, 'content-model-closed', 'narrows', 'fields the contract does not define are no longer allowed');

    for (const [name, schema] of Object.entries(newProperties)) {
      const at = `${pointer}/properties/${escape(name)}`;
      const old = oldProperties[name];
      if (old !== undefined) {
        if (isSchema(old) && isSchema(schema)) this.compare(old, schema, at);
        continue;
      }
      const required = newRequired.has(name);
      if (wasClosed) {
        this.add(
          at,
          required ? 'required-property-added-to-closed-model' : 'property-added-to-closed-model',
          required ? 'changes' : 'widens',
          `${required ? 'required' : 'optional'} field "${name}" is new`,
        );
      } else {
        this.add(at, required ? 'required-property-added-to-open-model' : 'property-added-to-open-model', 'narrows', `${required ? 'required' : 'optional'} field "${name}" is new`);
      }
    }
    for (const name of Object.keys(oldProperties)) {
      if (name in newProperties) continue;
      const at = `${pointer}/properties/${escape(name)}`;
      const wasRequired = oldRequired.has(name);
      if (isNowClosed) this.add(at, 'property-removed-from-closed-model', wasRequired ? 'changes' : 'narrows', `field "${name}" is removed`);
      else this.add(at, 'property-removed-from-open-model', 'widens', `field "${name}" is removed and is now unconstrained`);
    }
    for (const name of newRequired) {
      if (!oldRequired.has(name) && name in oldProperties) this.add(`${pointer}/required`, 'required-added', 'narrows', `field "${name}" is now required`);
    }
    for (const name of oldRequired) {
      if (!newRequired.has(name) && name in newProperties) this.add(`${pointer}/required`, 'required-removed', 'widens', `field "${name}" is no longer required`);
    }
  }
}

/**
 * The structural differences from one version of a contract to the next, each with what it does
 * to the set of accepted documents. Plain semantics: a difference that lets the new version accept
 * a document the old one rejected widens it; one that rejects a document the old one accepted narrows it.
 */
export function diffSchemas(before: JsonSchema, after: JsonSchema): SchemaDifference[] {
  const differ = new Differ();
  differ.compare(before, after, '');
  return differ.differences;
}
