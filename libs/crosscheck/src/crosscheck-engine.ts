import { departmentOfSource } from '@hub/contracts';
import { chinaDate, evaluatePerson, factFromEvent, nextReviewDate, reconcile, type Evidence, type Fact, type Finding, type FindingChange, type PersonView, type Policy } from '@hub/precise-aid';
import type { CanonicalEvent } from './canonical-event.js';
import type { CrosscheckState, StateBatch } from './crosscheck-state.js';
import type { DeferredTake } from './deferred-take.js';
import { appendTo, isHouseholdFact, namedBy } from './fact-groups.js';
import { judgingKeys } from './judging-keys.js';

/**
 * Folds a batch of canonical events into the state and re-evaluates only the persons they touch,
 * atomically: new facts, and the findings that change (raised, updated, closed). A redelivered
 * event adds no fact and so changes nothing. Each person judged gets the day they are next judged
 * again with no new event (time alone may change their findings then), and `reviewDue` judges
 * those whose day has come. What a department sends during its bulk load is stored unjudged, and
 * the persons it touches are judged once the load is complete (`judgeDeferred`). One piece of work
 * at a time: two would judge one person on views each missing the other's facts. For the same
 * reason, where several instances share the state, a batch holds the persons and households it
 * judges (StateBatch.hold) before it reads them; the judging of deferred persons, which always
 * holds them, may run beside the rest.
 */
export class CrosscheckEngine {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: CrosscheckState,
    private readonly policy: Policy,
    /** The day findings are judged as of; today in China when absent. */
    private readonly evaluationDate?: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  apply(events: readonly CanonicalEvent[]): Promise<FindingChange[]> {
    const facts = factsOf(events);
    return this.serially(() =>
      this.state.batch(async (batch) => {
        const fresh = await batch.insertFacts(facts);
        if (fresh.length === 0) return [];
        const live = await this.deferLoading(batch, fresh);
        if (live.length === 0) return [];
        return this.evaluate(batch, await this.holdAffected(batch, live), live);
      }),
    );
  }

  /**
   * Judges the persons the loads put off judging (see `deferLoading`) of the judging-lock buckets
   * the take names, on every fact stored so far, against their open findings; returns how many were
   * judged, the last bucket taken, and the changes. A finding closed cites the person's records the
   * hub received since `causesSince` (the loads' opening) as its cause.
   * Unlike the other work it may run beside more of its kind and beside `apply`: only a state that
   * holds persons defers any, and the take holds the persons it judges, as a batch does.
   */
  judgeDeferred(loadIds: readonly string[], take: DeferredTake, causesSince?: string): Promise<{ persons: number; lastBucket?: number; changes: FindingChange[] }> {
    return this.state.batch(async (batch) => {
      const { persons, lastBucket } = (await batch.takeDeferred?.(loadIds, take)) ?? { persons: [] };
      if (persons.length === 0) return { persons: 0, changes: [] };
      return { persons: persons.length, lastBucket, changes: await this.evaluate(batch, persons, [], causesSince) };
    });
  }

  /** Judges again up to `limit` persons whose review day has come (today, or the evaluation date); returns how many were judged and the changes. */
  reviewDue(limit: number): Promise<{ persons: number; changes: FindingChange[] }> {
    return this.serially(() =>
      this.state.batch(async (batch) => {
        const persons = (await batch.dueForReview?.(this.today(), limit)) ?? [];
        await batch.hold?.(judgingKeys(persons, []));
        return { persons: persons.length, changes: persons.length === 0 ? [] : await this.evaluate(batch, persons, []) };
      }),
    );
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
    return this.serially(() =>
      this.state.batch(async (batch) => {
        await batch.hold?.(judgingKeys(persons, []));
        return this.evaluate(batch, persons, []);
      }),
    );
  }

  private today(): string {
    return this.evaluationDate ?? chinaDate(this.clock());
  }

  /**
   * The persons the new facts can change, held against other instances. Who they are depends on
   * households another instance may just have committed (a member added to one), so once held
   * they are asked again, with what was committed meanwhile, until nobody new is named. The first
   * hold is in a fixed order; a later one may deadlock with another instance's, which PostgreSQL
   * breaks by rolling one batch back, to be run again.
   */
  private async holdAffected(batch: StateBatch, fresh: readonly Fact[]): Promise<string[]> {
    let persons = await batch.affectedPersons(fresh);
    if (!batch.hold) return persons;
    const households = [...namedBy(fresh).households];
    const held = new Set<string>();
    for (;;) {
      const keys = judgingKeys(persons, households).filter((key) => !held.has(key));
      if (keys.length === 0) return persons;
      await batch.hold(keys);
      keys.forEach((key) => held.add(key));
      persons = await batch.affectedPersons(fresh);
    }
  }

  /**
   * Stores, without judging, what a department sends while it loads in bulk, and notes the persons
   * it touches, to be judged once when the load's last record is stored (`judgeDeferred`): a
   * person's household, enrolment, aid and insurance come in different batches of a load, and each
   * judgement in between would raise or close findings the next batch changes again. Returns the
   * facts to judge now: those of departments not loading.
   */
  private async deferLoading(batch: StateBatch, fresh: readonly Fact[]): Promise<readonly Fact[]> {
    const loading = (await batch.loadingDepartments?.()) ?? new Map<string, string>();
    if (loading.size === 0 || !batch.defer) return fresh;
    const deferred = new Map<string, Fact[]>();
    const live: Fact[] = [];
    for (const fact of fresh) {
      const loadId = loading.get(departmentOfSource(fact.evidence.source));
      if (loadId === undefined) live.push(fact);
      else appendTo(deferred, loadId, fact);
    }
    for (const [loadId, facts] of deferred) await batch.defer(loadId, await batch.affectedPersons(facts));
    return live;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch((error: unknown) => error);
    return next;
  }

  /**
   * Evaluates the persons against their open findings and stores the changes; `fresh` are the facts
   * that caused it, or those of each person's facts known since `causesSince`, cited when a finding closes.
   */
  private async evaluate(batch: StateBatch, persons: readonly string[], fresh: readonly Fact[], causesSince?: string): Promise<FindingChange[]> {
    const now = this.clock();
    const views = await batch.views(persons);
    const openBySubject = new Map<string, Finding[]>();
    for (const finding of await batch.openFindings(persons)) appendTo(openBySubject, finding.subject, finding);
    const causes = causesSince === undefined ? causesByPerson(fresh) : causesKnownSince(views, causesSince);
    const context = { policy: this.policy, until: this.evaluationDate ?? chinaDate(now) };
    const changes = views.flatMap((view) => reconcile(openBySubject.get(view.person) ?? [], evaluatePerson(view, context), causes.get(view.person) ?? []));
    await batch.applyChanges(changes, now, context.until);
    // Every person asked for is scheduled, one with no view (no facts left) off the schedule, so a due person never stays due.
    // A replay keeps no schedule, and is spared working the days out.
    if (batch.scheduleReviews) {
      const next = new Map(views.map((view) => [view.person, nextReviewDate(view, this.policy, context.until)]));
      await batch.scheduleReviews(persons.map((person) => ({ person, on: next.get(person) ?? null })));
    }
    return changes;
  }
}

/** The events of each person's view the hub received since the moment given (a load's records about them). */
function causesKnownSince(views: readonly PersonView[], since: string): Map<string, Evidence[]> {
  return new Map(
    views.map((view) => {
      const known = [...view.facts, ...view.householdFacts, ...view.relativeFacts].map((fact) => fact.evidence).filter((evidence) => evidence.knownAt >= since);
      return [view.person, [...new Map(known.map((evidence) => [`${evidence.source}|${evidence.eventId}`, evidence])).values()]];
    }),
  );
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
