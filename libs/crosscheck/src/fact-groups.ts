import type { Fact, HouseholdFact } from '@hub/precise-aid';

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
