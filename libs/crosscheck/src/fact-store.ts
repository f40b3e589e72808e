import type { EntityManager } from 'typeorm';
import type { Fact, HouseholdFact, PersonFact, PersonView } from '@hub/precise-aid';
import { appendTo, isHouseholdFact, namedBy } from './fact-groups.js';
import { factFromStored, storedFactBody, type StoredFactRow } from './stored-fact.js';

/** A person listed in a household, with each person listed there (themselves included). */
interface Housemate {
  household: string;
  person: string;
  mate: string;
}

/** Puts the persons' views together from their housemates and the facts about them and their households. */
function assembleViews(
  persons: readonly string[],
  housemates: readonly Housemate[],
  personFacts: ReadonlyMap<string, PersonFact[]>,
  householdFacts: ReadonlyMap<string, HouseholdFact[]>,
): PersonView[] {
  const housematesOf = new Map<string, Housemate[]>();
  for (const h of housemates) appendTo(housematesOf, h.person, h);
  return persons.map((person) => {
    const mine = housematesOf.get(person) ?? [];
    const mates = [...new Set(mine.map((m) => m.mate).filter((mate) => mate !== person))];
    return {
      person,
      facts: personFacts.get(person) ?? [],
      householdFacts: [...new Set(mine.map((m) => m.household))].flatMap((h) => householdFacts.get(h) ?? []),
      relativeFacts: mates.flatMap((mate) => personFacts.get(mate) ?? []),
    };
  });
}

/**
 * The facts in PostgreSQL, one row per event (its source and id), and who is listed in which
 * household (the methods are StateBatch's). Every method takes the caller's transaction and does
 * one statement per kind of work, whatever the batch size.
 */
export class FactStore {
  async insert(manager: EntityManager, facts: readonly Fact[]): Promise<Fact[]> {
    if (facts.length === 0) return [];
    const rows: { source: string; event_id: string }[] = await manager.query(
      `INSERT INTO crosscheck_fact (source, event_id, kind, person, household, fact, known_at)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING source, event_id`,
      [
        facts.map((f) => f.evidence.source),
        facts.map((f) => f.evidence.eventId),
        facts.map((f) => f.kind),
        facts.map((f) => (isHouseholdFact(f) ? null : f.person)),
        facts.map((f) => (isHouseholdFact(f) ? f.household : null)),
        facts.map(storedFactBody),
        facts.map((f) => f.evidence.knownAt),
      ],
    );
    const inserted = new Set(rows.map((row) => `${row.source}\u0000${row.event_id}`));
    const fresh = facts.filter((f) => inserted.has(`${f.evidence.source}\u0000${f.evidence.eventId}`));
    const memberships = fresh.filter(isHouseholdFact).flatMap((f) => f.members.map((m) => [f.household, m.person] as const));
    if (memberships.length > 0) {
      await manager.query('INSERT INTO crosscheck_membership (household, person) SELECT * FROM unnest($1::varchar[], $2::varchar[]) ON CONFLICT DO NOTHING', [
        memberships.map(([household]) => household),
        memberships.map(([, person]) => person),
      ]);
    }
    return fresh;
  }

  async affectedPersons(manager: EntityManager, facts: readonly Fact[]): Promise<string[]> {
    const { persons, households, certificateHolders } = namedBy(facts);
    const rows: { person: string }[] = await manager.query(
      `SELECT person FROM crosscheck_membership WHERE household = ANY($1::varchar[])
       UNION SELECT m.person FROM crosscheck_membership m JOIN crosscheck_membership c ON c.household = m.household WHERE c.person = ANY($2::varchar[])`,
      [[...households], certificateHolders],
    );
    rows.forEach((row) => persons.add(row.person));
    return [...persons].sort();
  }

  async views(manager: EntityManager, persons: readonly string[]): Promise<PersonView[]> {
    const housemates: Housemate[] = await manager.query(
      `SELECT m.household, m.person, mate.person AS mate FROM crosscheck_membership m JOIN crosscheck_membership mate ON mate.household = m.household
       WHERE m.person = ANY($1::varchar[])`,
      [persons],
    );
    const households = [...new Set(housemates.map((m) => m.household))];
    const everyone = [...new Set([...persons, ...housemates.map((m) => m.mate)])];
    const rows: StoredFactRow[] = await manager.query(
      'SELECT kind, person, household, source, event_id, fact FROM crosscheck_fact WHERE person = ANY($1::varchar[]) OR household = ANY($2::varchar[])',
      [everyone, households],
    );
    const personFacts = new Map<string, PersonFact[]>();
    const householdFacts = new Map<string, HouseholdFact[]>();
    for (const row of rows) {
      if (row.household) appendTo(householdFacts, row.household, factFromStored(row) as HouseholdFact);
      else appendTo(personFacts, row.person!, factFromStored(row) as PersonFact);
    }
    return assembleViews(persons, housemates, personFacts, householdFacts);
  }
}
