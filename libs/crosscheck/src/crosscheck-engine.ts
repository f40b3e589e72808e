import type { DataSource, EntityManager } from 'typeorm';
import { evaluatePerson, factFromEvent, reconcile, type Evidence, type Fact, type Finding, type FindingChange, type Policy } from '@hub/precise-aid';
import type { CanonicalEvent } from './canonical-event.js';
import { FactStore } from './fact-store.js';
import { FindingStore, type FindingResponse } from './finding-store.js';

/** The day in China (UTC+8) of a moment: statuses and terms are in local dates. */
const chinaDate = (moment: Date) => new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Folds a batch of canonical events into the state and re-evaluates only the persons they touch,
 * in one transaction: new facts, the findings that change (raised, updated, closed), and the
 * outbox entries to publish them. A redelivered event adds no fact and so changes nothing.
 */
export class CrosscheckEngine {
  private readonly facts = new FactStore();
  private readonly findings: FindingStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: Policy,
    settleMs: number,
    /** The day findings are judged as of; today in China when absent. */
    private readonly evaluationDate?: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.findings = new FindingStore(settleMs);
  }

  async apply(events: readonly CanonicalEvent[]): Promise<FindingChange[]> {
    const facts = factsOf(events);
    return this.dataSource.transaction(async (manager) => {
      const fresh = await this.facts.insert(manager, facts);
      if (fresh.length === 0) return [];
      return this.evaluate(manager, await this.facts.affectedPersons(manager, fresh), fresh);
    });
  }

  /** Evaluates the persons against their open findings and stores the changes; `fresh` are the facts that caused it, cited when a finding closes. */
  private async evaluate(manager: EntityManager, persons: readonly string[], fresh: readonly Fact[]): Promise<FindingChange[]> {
    const now = this.clock();
    const views = await this.facts.views(manager, persons);
    const open = await this.findings.openFindings(manager, persons);
    const openBySubject = new Map<string, Finding[]>();
    for (const finding of open) openBySubject.set(finding.subject, [...(openBySubject.get(finding.subject) ?? []), finding]);
    const context = { policy: this.policy, until: this.evaluationDate ?? chinaDate(now) };
    const changes = views.flatMap((view) => reconcile(openBySubject.get(view.person) ?? [], evaluatePerson(view, context), causesFor(view.person, fresh)));
    await this.findings.apply(manager, changes, now);
    return changes;
  }

  /** Records departments' responses to their findings (`hub.finding-response.recorded.v1`) in one transaction; returns how many were new. */
  async recordResponses(responses: readonly FindingResponse[]): Promise<number> {
    return this.dataSource.transaction((manager) => this.findings.recordResponses(manager, responses, this.clock()));
  }
}

const factsOf = (events: readonly CanonicalEvent[]): Fact[] => events.flatMap((e) => factFromEvent(e.type, e.data, e.evidence) ?? []);

/** The new events that concern a person, cited as the cause when a finding about them closes. */
function causesFor(person: string, facts: readonly Fact[]): Evidence[] {
  return facts
    .filter((f) => (f.kind === 'household-status' || f.kind === 'monitoring-status' ? f.members.some((m) => m.person === person) : f.person === person))
    .map((f) => f.evidence);
}
