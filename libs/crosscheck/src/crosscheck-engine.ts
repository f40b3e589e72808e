import { chinaDate, evaluatePerson, factFromEvent, reconcile, type Evidence, type Fact, type Finding, type FindingChange, type Policy } from '@hub/precise-aid';
import type { CanonicalEvent } from './canonical-event.js';
import type { CrosscheckState, StateBatch } from './crosscheck-state.js';
import { appendTo, isHouseholdFact } from './fact-groups.js';

/**
 * Folds a batch of canonical events into the state and re-evaluates only the persons they touch,
 * atomically: new facts, and the findings that change (raised, updated, closed). A redelivered
 * event adds no fact and so changes nothing.
 */
export class CrosscheckEngine {
  constructor(
    private readonly state: CrosscheckState,
    private readonly policy: Policy,
    /** The day findings are judged as of; today in China when absent. */
    private readonly evaluationDate?: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  apply(events: readonly CanonicalEvent[]): Promise<FindingChange[]> {
    const facts = factsOf(events);
    return this.state.batch(async (batch) => {
      const fresh = await batch.insertFacts(facts);
      if (fresh.length === 0) return [];
      return this.evaluate(batch, await batch.affectedPersons(fresh), fresh);
    });
  }

  /** Stores the events' facts without judging anyone; `reevaluate` judges them afterwards (a replay judges each person once, after the whole history). */
  async store(events: readonly CanonicalEvent[]): Promise<void> {
    const facts = factsOf(events);
    await this.state.batch((batch) => batch.insertFacts(facts));
  }

  /** The rule and policy version findings are raised under. */
  get ruleVersion(): string {
    return this.policy.version;
  }

  /** Judges the persons on every fact stored so far, against their open findings. */
  reevaluate(persons: readonly string[]): Promise<FindingChange[]> {
    return this.state.batch((batch) => this.evaluate(batch, persons, []));
  }

  /** Evaluates the persons against their open findings and stores the changes; `fresh` are the facts that caused it, cited when a finding closes. */
  private async evaluate(batch: StateBatch, persons: readonly string[], fresh: readonly Fact[]): Promise<FindingChange[]> {
    const now = this.clock();
    const views = await batch.views(persons);
    const openBySubject = new Map<string, Finding[]>();
    for (const finding of await batch.openFindings(persons)) appendTo(openBySubject, finding.subject, finding);
    const causes = causesByPerson(fresh);
    const context = { policy: this.policy, until: this.evaluationDate ?? chinaDate(now) };
    const changes = views.flatMap((view) => reconcile(openBySubject.get(view.person) ?? [], evaluatePerson(view, context), causes.get(view.person) ?? []));
    await batch.applyChanges(changes, now, context.until);
    return changes;
  }
}

const factsOf = (events: readonly CanonicalEvent[]): Fact[] => events.flatMap((e) => factFromEvent(e.type, e.data, e.evidence) ?? []);

/** The new events that concern each person, cited as the cause when a finding about them closes. */
function causesByPerson(facts: readonly Fact[]): Map<string, Evidence[]> {
  const causes = new Map<string, Evidence[]>();
  for (const fact of facts) {
    const persons = isHouseholdFact(fact) ? new Set(fact.members.map((m) => m.person)) : [fact.person];
    for (const person of persons) appendTo(causes, person, fact.evidence);
  }
  return causes;
}
