import type { HouseholdFact, PersonFact } from '../facts/fact.js';

/**
 * Everything the rules need to judge one person: the facts about them, the facts of every
 * household that lists them, and the facts about the other members of those households (a parent's
 * certificate). The crosscheck loads one per person an event touches.
 */
export interface PersonView {
  person: string;
  facts: PersonFact[];
  householdFacts: HouseholdFact[];
  relativeFacts: PersonFact[];
}

/** The view as the hub knew it at a moment: only facts it had received by then. */
export function asKnownAt(view: PersonView, moment: string): PersonView {
  const known = <F extends { evidence: { knownAt: string } }>(facts: F[]) => facts.filter((fact) => fact.evidence.knownAt <= moment);
  return { person: view.person, facts: known(view.facts), householdFacts: known(view.householdFacts), relativeFacts: known(view.relativeFacts) };
}
