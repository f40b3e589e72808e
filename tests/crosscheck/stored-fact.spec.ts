import type { Fact } from '@hub/precise-aid';
import { factFromStored, storedFactBody, type StoredFactRow } from '../../libs/crosscheck/src/stored-fact.js';
import { exampleFamily } from './example-facts.js';

const person = 'p1.student-pseudonym-0123456789abcdefghijklmnopqrstuv';
const household = 'h1.household-pseudonym-0123456789abcdefghijklmnopqrs';
const { status: householdStatus, enrolment } = exampleFamily({ parent: 'p1.parent-pseudonym', child: person, household });
const { evidence } = enrolment;

/** The row PostgreSQL gives back for a fact stored with this body (jsonb parsed by the driver). */
function rowOf(fact: Fact, body: string): StoredFactRow {
  const isHousehold = 'household' in fact;
  return {
    kind: fact.kind,
    person: isHousehold ? null : fact.person,
    household: isHousehold ? fact.household : null,
    source: fact.evidence.source,
    event_id: fact.evidence.eventId,
    fact: JSON.parse(body) as Record<string, unknown>,
  };
}

describe('a fact as crosscheck_fact stores it', () => {
  it.each([
    ['a person', enrolment],
    ['a household', householdStatus],
  ])('reads back the fact about %s that was stored', (_about, fact) => {
    expect(factFromStored(rowOf(fact, storedFactBody(fact)))).toEqual(fact);
  });

  it('keeps in the body none of what the columns say: kind, person, source, event id', () => {
    const body = JSON.parse(storedFactBody(enrolment)) as Record<string, unknown>;
    expect(body['kind']).toBeUndefined();
    expect(body['person']).toBeUndefined();
    expect(body['evidence']).toEqual({ type: evidence.type, knownAt: evidence.knownAt });
  });

  it("keeps a household's members, only its own id left to the column", () => {
    const body = JSON.parse(storedFactBody(householdStatus)) as Record<string, unknown>;
    expect(body['household']).toBeUndefined();
    expect(body['members']).toEqual((householdStatus as { members: unknown }).members);
  });

  it('reads a row stored before the body left the columns out as the same fact', () => {
    expect(factFromStored(rowOf(householdStatus, JSON.stringify(householdStatus)))).toEqual(householdStatus);
  });

  it("gives the evidence's keys in jsonb's order (shorter keys first, then by their bytes), as when the whole fact was kept as jsonb", () => {
    const read = factFromStored(rowOf(enrolment, storedFactBody(enrolment)));
    const jsonbOrder = Object.keys(evidence).sort((a, b) => a.length - b.length || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(Object.keys(read.evidence)).toEqual(jsonbOrder);
  });
});
