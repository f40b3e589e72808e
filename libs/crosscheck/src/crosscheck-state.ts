import type { Fact, Finding, FindingChange, PersonView } from '@hub/precise-aid';
import type { DeferredTake, DeferredTaken } from './deferred-take.js';

/**
 * Where the engine keeps the facts and the findings: PostgreSQL on the live path, memory in a
 * replay. Both answer the same questions the same way, so a replay folds the history with the very
 * engine and rules the crosscheck runs.
 */
export interface CrosscheckState {
  /** Runs the work on one batch atomically: all of its writes land, or none. */
  batch<T>(work: (batch: StateBatch) => Promise<T>): Promise<T>;
}

/** What the engine reads and writes while folding one batch. */
export interface StateBatch {
  /** Stores the facts not stored before; returns those (a redelivered event is not new). */
  insertFacts(facts: readonly Fact[]): Promise<Fact[]>;
  /**
   * The persons whose findings new facts can change: the person a fact is about, every member of
   * a household whose status changed, and the housemates of a certificate holder (a parent's
   * certificate counts for a child); sorted.
   */
  affectedPersons(facts: readonly Fact[]): Promise<string[]>;
  /**
   * Holds the persons and households (keys from `judgingKeys`) until the batch ends: another
   * instance judging any of them waits, and then reads this batch's facts. The live path holds
   * them; a replay, alone on its state, has no use for it.
   */
  hold?(keys: readonly string[]): Promise<void>;
  /** Each person's view: their facts, their households' facts, and their housemates' facts. */
  views(persons: readonly string[]): Promise<PersonView[]>;
  openFindings(subjects: readonly string[]): Promise<Finding[]>;
  /** Stores the findings' new states (and, on the live path, the changes to announce, with the day they were judged as of). */
  applyChanges(changes: readonly FindingChange[], at: Date, evaluationDate: string): Promise<void>;
  /** Sets the day each person is next judged again with no new event (none: never); the live path keeps them, a replay has no use for them. */
  scheduleReviews?(reviews: readonly { person: string; on: string | null }[]): Promise<void>;
  /** Persons whose review day is on or before `today`, at most `limit`, held by this batch (another instance skips them). */
  dueForReview?(today: string, limit: number): Promise<string[]>;
  /**
   * The departments loading now (a bulk load open), each with its load: the live path puts off
   * judging what their records touch until the load is complete; a replay judges every person once
   * at the end anyway.
   */
  loadingDepartments?(): Promise<Map<string, string>>;
  /** Notes persons to judge once the load's last record is stored. */
  defer?(loadId: string, persons: readonly string[]): Promise<void>;
  /** The loads' deferred persons of the judging-lock buckets the take names, taken off the list and held by this batch (another instance skips them). */
  takeDeferred?(loadIds: readonly string[], take: DeferredTake): Promise<DeferredTaken>;
}
