import type { DataSource } from 'typeorm';
import { retryingConflicts } from '@hub/persistence';
import type { CrosscheckState, StateBatch } from './crosscheck-state.js';
import { DeferredJudgements } from './deferred-judgements.js';
import { FactStore } from './fact-store.js';
import { FindingStore, type RecordedResponse } from './finding-store.js';
import { JudgingLocks } from './judging-locks.js';
import { ReviewSchedule } from './review-schedule.js';

/** The live crosscheck's state: facts, findings and the outbox in PostgreSQL, a batch per transaction. */
export class PostgresCrosscheckState implements CrosscheckState {
  private readonly facts = new FactStore();
  private readonly reviews = new ReviewSchedule();
  private readonly locks = new JudgingLocks();
  private readonly deferred = new DeferredJudgements();
  private readonly findings: FindingStore;

  constructor(
    private readonly dataSource: DataSource,
    settleMs: number,
  ) {
    this.findings = new FindingStore(settleMs);
  }

  /** The subjects of open findings raised under another rule version than this one: they are judged again when the version changes. */
  async subjectsJudgedUnderOtherVersions(ruleVersion: string): Promise<string[]> {
    const rows: { subject: string }[] = await this.dataSource.query(`SELECT DISTINCT subject FROM crosscheck_finding WHERE state = 'open' AND finding ->> 'ruleVersion' <> $1 ORDER BY subject`, [
      ruleVersion,
    ]);
    return rows.map((row) => row.subject);
  }

  /** A batch whose transaction another instance's deadlocked with is rolled back and run again: nothing of it was kept. */
  batch<T>(work: (batch: StateBatch) => Promise<T>): Promise<T> {
    return retryingConflicts(() =>
      this.dataSource.transaction((manager) =>
        work({
          insertFacts: (facts) => this.facts.insert(manager, facts),
          affectedPersons: (facts) => this.facts.affectedPersons(manager, facts),
          hold: (keys) => this.locks.hold(manager, keys),
          views: (persons) => this.facts.views(manager, persons),
          openFindings: (subjects) => this.findings.openFindings(manager, subjects),
          applyChanges: (changes, at, evaluationDate) => this.findings.apply(manager, changes, at, evaluationDate),
          scheduleReviews: (reviews) => this.reviews.schedule(manager, reviews),
          dueForReview: (today, limit) => this.reviews.due(manager, today, limit),
          loadingDepartments: () => this.deferred.loadingDepartments(manager),
          defer: (loadId, persons) => this.deferred.defer(manager, loadId, persons),
          takeDeferred: (loadIds, take) => this.deferred.take(manager, loadIds, take),
        }),
      ),
    );
  }

  /** Records departments' responses to their findings (`hub.finding-response.recorded.v1`) in one transaction; returns how many were new. */
  recordResponses(responses: readonly RecordedResponse[], at: Date): Promise<number> {
    return this.dataSource.transaction((manager) => this.findings.recordResponses(manager, responses, at));
  }
}
