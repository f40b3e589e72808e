import type { Fact, HouseholdFact, PersonFact, PersonView } from '@hub/precise-aid';

export function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

export const isHouseholdFact = (fact: Fact): fact is HouseholdFact => fact.kind === 'household-status' || fact.kind === 'monitoring-status';

/** Who new facts name directly: the persons (household members included), the households, and the certificate holders (whose housemates the certificate concerns). */
export function namedBy(facts: readonly Fact[]): { persons: Set<string>; households: Set<string>; certificateHolders: string[] } {
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
  return { persons, households, certificateHolders };
}

/** A person listed in a household, with each person listed there (themselves included). */
export interface Housemate {
  household: string;
  person: string;
  mate: string;
}

/** Puts the persons' views together from their housemates and the facts about them and their households. */
export function assembleViews(
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
