import type { JsonSchema } from '../contract-annotations.js';
import { diffSchemas } from './diff-schemas.js';

const closed = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', additionalProperties: false, required, properties });
const open = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', required, properties });
const amount: JsonSchema = { type: 'integer', minimum: 1, 'x-hub-classification': 'public' };
const kinds = (before: JsonSchema, after: JsonSchema) => diffSchemas(before, after).map(({ pointer, kind, effect }) => ({ pointer, kind, effect }));

describe('diffSchemas', () => {
  it('finds nothing between equal schemas, nor in changed descriptions and examples', () => {
    expect(diffSchemas(closed({ amountFen: amount }), closed({ amountFen: { ...amount, description: 'in fen' } }))).toEqual([]);
  });

  it('sees an optional field added to a closed model as widening', () => {
    expect(kinds(closed({ amountFen: amount }), closed({ amountFen: amount, note: { type: 'string' } }))).toEqual([
      { pointer: '/properties/note', kind: 'property-added-to-closed-model', effect: 'widens' },
    ]);
  });

  it('sees an optional field added to an open model as narrowing, since earlier documents may carry it with any value', () => {
    expect(kinds(open({ amountFen: amount }), open({ amountFen: amount, note: { type: 'string' } }))).toEqual([
      { pointer: '/properties/note', kind: 'property-added-to-open-model', effect: 'narrows' },
    ]);
  });

  it('sees a required field added to a closed model as an incomparable change', () => {
    expect(kinds(closed({ amountFen: amount }), closed({ amountFen: amount, note: { type: 'string' } }, ['note']))).toEqual([
      { pointer: '/properties/note', kind: 'required-property-added-to-closed-model', effect: 'changes' },
    ]);
  });

  it('sees a field removed from a closed model as narrowing, and a required one as a change', () => {
    expect(kinds(closed({ amountFen: amount, note: { type: 'string' } }), closed({ amountFen: amount }))).toEqual([
      { pointer: '/properties/note', kind: 'property-removed-from-closed-model', effect: 'narrows' },
    ]);
    expect(kinds(closed({ amountFen: amount }, ['amountFen']), closed({}))).toEqual([{ pointer: '/properties/amountFen', kind: 'property-removed-from-closed-model', effect: 'changes' }]);
  });

  it('sees a field removed from an open model as widening', () => {
    expect(kinds(open({ amountFen: amount }), open({}))).toEqual([{ pointer: '/properties/amountFen', kind: 'property-removed-from-open-model', effect: 'widens' }]);
  });

  it('sees required added as narrowing and removed as widening', () => {
    expect(kinds(closed({ amountFen: amount }), closed({ amountFen: amount }, ['amountFen']))).toEqual([{ pointer: '/required', kind: 'required-added', effect: 'narrows' }]);
    expect(kinds(closed({ amountFen: amount }, ['amountFen']), closed({ amountFen: amount }))).toEqual([{ pointer: '/required', kind: 'required-removed', effect: 'widens' }]);
  });

  it('sees the content model closed as narrowing and opened as widening', () => {
    expect(kinds(open({}), closed({}))).toEqual([{ pointer: '/additionalProperties', kind: 'content-model-closed', effect: 'narrows' }]);
    expect(kinds(closed({}), open({}))).toEqual([{ pointer: '/additionalProperties', kind: 'content-model-opened', effect: 'widens' }]);
  });

  it('orders types, with integer inside number and null added as widening', () => {
    expect(kinds({ type: 'integer' }, { type: 'number' })).toEqual([{ pointer: '/type', kind: 'type-widened', effect: 'widens' }]);
    expect(kinds({ type: 'number' }, { type: 'integer' })).toEqual([{ pointer: '/type', kind: 'type-narrowed', effect: 'narrows' }]);
    expect(kinds({ type: 'string' }, { type: ['string', 'null'] })).toEqual([{ pointer: '/type', kind: 'type-widened', effect: 'widens' }]);
    expect(kinds({ type: 'string' }, { type: 'integer' })).toEqual([{ pointer: '/type', kind: 'type-changed', effect: 'changes' }]);
  });

  it('sees enum values added as widening and removed as narrowing, naming them', () => {
    const [extended] = diffSchemas({ enum: ['living', 'care'] }, { enum: ['living', 'care', 'transport'] });
    expect(extended).toEqual({ pointer: '/enum', kind: 'enum-extended', effect: 'widens', detail: 'the list of allowed values adds "transport"' });
    expect(kinds({ enum: ['living', 'care'] }, { enum: ['care'] })).toEqual([{ pointer: '/enum', kind: 'enum-narrowed', effect: 'narrows' }]);
  });

  it('sees bounds tightened or added as narrowing and loosened or removed as widening', () => {
    expect(kinds({ minimum: 1 }, { minimum: 100 })).toEqual([{ pointer: '/minimum', kind: 'bound-tightened', effect: 'narrows' }]);
    expect(kinds({}, { maxLength: 40 })).toEqual([{ pointer: '/maxLength', kind: 'bound-tightened', effect: 'narrows' }]);
    expect(kinds({ maxLength: 40 }, { maxLength: 80 })).toEqual([{ pointer: '/maxLength', kind: 'bound-loosened', effect: 'widens' }]);
    expect(kinds({ maxItems: 30 }, {})).toEqual([{ pointer: '/maxItems', kind: 'bound-loosened', effect: 'widens' }]);
  });

  it('sees a pattern or format added as narrowing, removed as widening and changed as unprovable', () => {
    expect(kinds({}, { pattern: '^[0-9]{6}$' })).toEqual([{ pointer: '/pattern', kind: 'pattern-added', effect: 'narrows' }]);
    expect(kinds({ format: 'date' }, {})).toEqual([{ pointer: '/format', kind: 'format-removed', effect: 'widens' }]);
    expect(kinds({ format: 'date' }, { format: 'date-time' })).toEqual([{ pointer: '/format', kind: 'format-changed', effect: 'changes' }]);
  });

  it('sees a changed combinator as a change it cannot prove either way', () => {
    expect(kinds({ if: { properties: { a: { const: 1 } } } }, { if: { properties: { a: { const: 2 } } } })).toEqual([{ pointer: '/if', kind: 'combinator-changed', effect: 'changes' }]);
  });

  it('finds differences deep inside array items, at their pointer', () => {
    const members = (name: JsonSchema) => closed({ members: { type: 'array', items: closed({ name }) } });
    expect(kinds(members({ type: 'string', maxLength: 50 }), members({ type: 'string', maxLength: 20 }))).toEqual([
      { pointer: '/properties/members/items/properties/name/maxLength', kind: 'bound-tightened', effect: 'narrows' },
    ]);
  });

  it('reports a changed classification without counting it against compatibility', () => {
    expect(kinds({ 'x-hub-classification': 'personal' }, { 'x-hub-classification': 'public' })).toEqual([{ pointer: '/x-hub-classification', kind: 'classification-changed', effect: 'none' }]);
  });
});
