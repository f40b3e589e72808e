import { fromKafkaBinary } from '@hub/contracts';
import type { InboundRecord } from '@hub/messaging';
import type { ReportedFinding } from './reported-finding.js';

interface FindingChangedData extends Omit<ReportedFinding, 'state'> {
  change: 'raised' | 'updated' | 'closed';
  occurredAt: string;
  evaluationDate?: string;
}

/**
 * The findings the hub announced, each as its latest change left it. One finding's changes share a
 * partition key (its subject), so they arrive in the order they were made.
 */
export class RecordedFindings {
  private readonly latest = new Map<string, ReportedFinding>();
  private lastJudged?: { occurredAt: string; evaluationDate: string };

  add(records: readonly InboundRecord[]): void {
    for (const record of records) {
      const data = fromKafkaBinary(record).data as FindingChangedData;
      const { findingId, rule, ruleVersion, subject, period, item, routedTo, explanation, evidence } = data;
      this.latest.set(findingId, { findingId, rule, ruleVersion, subject, period, ...(item ? { item } : {}), routedTo, state: data.change === 'closed' ? 'closed' : 'open', explanation, evidence });
      if (data.evaluationDate && (!this.lastJudged || data.occurredAt > this.lastJudged.occurredAt)) this.lastJudged = { occurredAt: data.occurredAt, evaluationDate: data.evaluationDate };
    }
  }

  /** The day the rules judged the latest change announced as of (announcements before the hub said so carry none). */
  get evaluationDate(): string | undefined {
    return this.lastJudged?.evaluationDate;
  }

  get findings(): ReportedFinding[] {
    return [...this.latest.values()];
  }
}
