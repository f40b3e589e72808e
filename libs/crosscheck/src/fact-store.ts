import type { EntityManager } from 'typeorm';
import type { Fact, HouseholdFact, PersonFact, PersonView } from '@hub/precise-aid';

function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

const isHouseholdFact = (fact: Fact): fact is HouseholdFact => fact.kind === 'household-status' || fact.kind === 'monitoring-status';

interface FactRow {
  person: string | null;
  household: string | null;
  fact: Fact;
}

/**
 * The facts in PostgreSQL, one row per event (its source and id), and who is listed in which
 * household. Every method takes the caller's transaction and does one statement per kind of
 * work, whatever the batch size.
 */
export class FactStore {
  /** Stores the facts not stored before; returns those (a redelivered event is not new). */
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
        facts.map((f) => JSON.stringify(f)),
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

  /**
   * The persons whose findings new facts can change: the person a fact is about, every member of
   * a household whose status changed, and the housemates of a certificate holder (a parent's
   * certificate counts for a child).
   */
  async affectedPersons(manager: EntityManager, facts: readonly Fact[]): Promise<string[]> {
    const persons = new Set<string>();
    const households = new Set<string>();
    const certificateHolders: string[] = [];
    for (const fact of facts) {
      if (isHouseholdFact(fact)) {
        households.add(fact.household);
        fact.members.forEach((m) => persons.add(m.person));
      } else {
        persons.add(fact.person);
        if (fact.kind === 'certificate') certificateHolders.push(fact.person);
      }
    }
    const rows: { person: string }[] = await manager.query(
      `SELECT person FROM crosscheck_membership WHERE household = ANY($1::varchar[])
       UNION SELECT m.person FROM crosscheck_membership m JOIN crosscheck_membership c ON c.household = m.household WHERE c.person = ANY($2::varchar[])`,
      [[...households], certificateHolders],
    );
    rows.forEach((row) => persons.add(row.person));
    return [...persons].sort();
  }

  /** Each person's view: their facts, their households' facts, and their housemates' facts. */
  async views(manager: EntityManager, persons: readonly string[]): Promise<PersonView[]> {
    const memberships: { household: string; person: string; mate: string }[] = await manager.query(
      `SELECT m.household, m.person, mate.person AS mate FROM crosscheck_membership m JOIN crosscheck_membership mate ON mate.household = m.household
       WHERE m.person = ANY($1::varchar[])`,
      [persons],
    );
    const households = [...new Set(memberships.map((m) => m.household))];
    const everyone = [...new Set([...persons, ...memberships.map((m) => m.mate)])];
    const rows: FactRow[] = await manager.query(
      'SELECT person, household, fact FROM crosscheck_fact WHERE person = ANY($1::varchar[]) OR household = ANY($2::varchar[])',
      [everyone, households],
    );
    const personFacts = new Map<string, PersonFact[]>();
    const householdFacts = new Map<string, HouseholdFact[]>();
    for (const row of rows) {
      if (row.household) appendTo(householdFacts, row.household, row.fact as HouseholdFact);
      else appendTo(personFacts, row.person!, row.fact as PersonFact);
    }
    const membershipsOf = new Map<string, { household: string; mate: string }[]>();
    for (const m of memberships) appendTo(membershipsOf, m.person, m);
    return persons.map((person) => {
      const mine = membershipsOf.get(person) ?? [];
      const mates = [...new Set(mine.map((m) => m.mate).filter((mate) => mate !== person))];
      return {
        person,
        facts: personFacts.get(person) ?? [],
        householdFacts: [...new Set(mine.map((m) => m.household))].flatMap((h) => householdFacts.get(h) ?? []),
        relativeFacts: mates.flatMap((mate) => personFacts.get(mate) ?? []),
      };
    });
  }
}
