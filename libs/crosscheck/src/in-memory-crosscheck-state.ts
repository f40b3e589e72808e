import type { Fact, Finding, FindingChange, HouseholdFact, PersonFact, PersonView } from '@hub/precise-aid';
import type { CrosscheckState, StateBatch } from './crosscheck-state.js';
import { appendTo, isHouseholdFact, namedBy } from './fact-groups.js';
import { TextPool } from './text-pool.js';

/**
 * The crosscheck's state in memory, for a replay: the same answers as PostgreSQL gives the live
 * path, without a round trip per question. A batch's writes are not undone when it fails, since a
 * failed batch ends the replay. Nothing is announced, so there is no outbox.
 */
export class InMemoryCrosscheckState implements CrosscheckState, StateBatch {
  /** The event ids stored, by source: the ids are the evidence's own texts, so this keeps no text of its own. */
  private readonly seen = new Map<string, Set<string>>();
  private readonly texts = new TextPool();
  private readonly personFacts = new Map<string, PersonFact[]>();
  private readonly householdFacts = new Map<string, HouseholdFact[]>();
  private readonly membersOf = new Map<string, Set<string>>();
  private readonly householdsOf = new Map<string, Set<string>>();
  private readonly openBySubject = new Map<string, Map<string, Finding>>();

  batch<T>(work: (batch: StateBatch) => Promise<T>): Promise<T> {
    return work(this);
  }

  /** Every open finding. */
  open(): Finding[] {
    return [...this.openBySubject.values()].flatMap((findings) => [...findings.values()]);
  }

  /** Everyone a stored fact names. */
  persons(): string[] {
    const persons = [...this.personFacts.keys()];
    for (const person of this.householdsOf.keys()) if (!this.personFacts.has(person)) persons.push(person);
    return persons;
  }

  insertFacts(facts: readonly Fact[]): Promise<Fact[]> {
    const fresh: Fact[] = [];
    for (const given of facts) {
      const { source, eventId } = given.evidence;
      const seen = this.seen.get(source) ?? this.seen.set(this.texts.intern(source), new Set()).get(source)!;
      if (seen.has(eventId)) continue;
      seen.add(eventId);
      const fact = pooled(given, this.texts);
      fresh.push(fact);
      if (isHouseholdFact(fact)) {
        appendTo(this.householdFacts, fact.household, fact);
        for (const { person } of fact.members) {
          addTo(this.membersOf, fact.household, person);
          addTo(this.householdsOf, person, fact.household);
        }
      } else appendTo(this.personFacts, fact.person, fact);
    }
    return Promise.resolve(fresh);
  }

  affectedPersons(facts: readonly Fact[]): Promise<string[]> {
    const { persons, households, certificateHolders } = namedBy(facts);
    for (const holder of certificateHolders) this.householdsOf.get(holder)?.forEach((household) => households.add(household));
    for (const household of households) this.membersOf.get(household)?.forEach((person) => persons.add(person));
    return Promise.resolve([...persons].sort());
  }

  views(persons: readonly string[]): Promise<PersonView[]> {
    return Promise.resolve(
      persons.map((person) => {
        // Most persons of a region are in no household the hub knows of: their view is their own facts.
        if (!this.householdsOf.has(person)) return { person, facts: this.personFacts.get(person) ?? [], householdFacts: [], relativeFacts: [] };
        const households = [...this.householdsOf.get(person)!];
        const mates = new Set(households.flatMap((household) => [...this.membersOf.get(household)!]));
        mates.delete(person);
        return {
          person,
          facts: this.personFacts.get(person) ?? [],
          householdFacts: households.flatMap((household) => this.householdFacts.get(household) ?? []),
          relativeFacts: [...mates].flatMap((mate) => this.personFacts.get(mate) ?? []),
        };
      }),
    );
  }

  openFindings(subjects: readonly string[]): Promise<Finding[]> {
    return Promise.resolve(subjects.flatMap((subject) => [...(this.openBySubject.get(subject)?.values() ?? [])]));
  }

  applyChanges(changes: readonly FindingChange[]): Promise<void> {
    for (const { change, finding } of changes) {
      const open = this.openBySubject.get(finding.subject) ?? new Map<string, Finding>();
      if (change === 'closed') open.delete(finding.findingId);
      else open.set(finding.findingId, finding);
      if (open.size > 0) this.openBySubject.set(finding.subject, open);
      else this.openBySubject.delete(finding.subject);
    }
    return Promise.resolve();
  }
}

/** The fact with its recurring texts (all but the event's id and time) taken from the pool; facts are the state's own once stored, so they are changed in place. */
function pooled(fact: Fact, texts: TextPool): Fact {
  const fields = fact as unknown as Record<string, unknown>;
  for (const name in fields) {
    const value = fields[name];
    if (typeof value === 'string') fields[name] = texts.intern(value);
  }
  if (isHouseholdFact(fact)) {
    for (const member of fact.members) {
      member.person = texts.intern(member.person);
      member.relation = texts.intern(member.relation);
    }
  }
  fact.evidence.source = texts.intern(fact.evidence.source);
  fact.evidence.type = texts.intern(fact.evidence.type);
  return fact;
}

function addTo<K, V>(groups: Map<K, Set<V>>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.add(value);
  else groups.set(key, new Set([value]));
}
