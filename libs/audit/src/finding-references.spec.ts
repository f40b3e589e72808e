import { findingReferences } from './finding-references.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('findingReferences', () => {
  it('names the finding a change or a response is about', () => {
    expect(findingReferences(json({ findingId: 'f-1', change: 'raised' }))).toEqual(['f-1']);
  });

  it('names every finding an access-log entry served', () => {
    expect(findingReferences(json({ member: 'education', items: ['f-1', 'f-2'] }))).toEqual(['f-1', 'f-2']);
  });

  it('names none for a canonical event, without parsing it', () => {
    expect(findingReferences(json({ householdId: 'p1.household.x', members: [] }))).toBeNull();
  });

  it("names none for a value that is not JSON, not an object, or nested past the parser's limits, so it is still recorded", () => {
    expect(findingReferences(Buffer.from('{"findingId": nope'))).toBeNull();
    expect(findingReferences(json(['findingId', 'items']))).toBeNull();
    expect(findingReferences(Buffer.from(`{"items":${'['.repeat(200_000)}${']'.repeat(200_000)}}`))).toBeNull();
    expect(findingReferences(null)).toBeNull();
  });
});
