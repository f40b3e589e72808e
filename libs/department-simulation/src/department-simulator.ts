import { readFileSync } from 'node:fs';
import type { Finding, FindingReveal } from '@hub/hub-client';
import { HubClientError, type HubClient, type SubmissionRecord } from '@hub/hub-client';
import { csvExport } from './csv-export.js';
import { actionFor, needsReveal, type StudentIndex } from './finding-actions.js';
import type { EventType } from '@hub/contracts';

export interface DepartmentSimulatorOptions {
  department: string;
  client: HubClient;
  /** The department's share of a region (`hub demo generate` writes one NDJSON file per department). */
  records: readonly SubmissionRecord[];
  /** Event types the department sends as CSV exports rather than as JSON events. */
  csvTypes: readonly string[];
  batchSize: number;
  respondedBy: string;
  /** The date aid it grants is dated. */
  grantedOn: string;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/** Its enrolments, of either contract version: what it knows of its students. */
const ENROLMENTS: string[] = ['education.student-enrolment.changed.v1', 'education.student-enrolment.changed.v2'] satisfies EventType[];

/** The records of a department's share, one per line of an NDJSON file. */
export function readDepartmentShare(file: string): SubmissionRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SubmissionRecord);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * One department's system, simulated: it publishes its share through the gateway (CSV exports for
 * the types it exports, JSON events for the rest), then follows the findings routed to it and acts
 * on each (grants the missing aid, acknowledges what it must look into), so the loop closes.
 */
export class DepartmentSimulator {
  private readonly students: StudentIndex;
  private cursor: string | undefined;
  private readonly answered = new Set<string>();

  constructor(private readonly options: DepartmentSimulatorOptions) {
    this.students = new Map(options.records.filter((r) => ENROLMENTS.includes(r.type)).map((r) => [String(r.data['studentNumber']), r.data]));
  }

  /**
   * Publishes the whole share, in a bulk load as a department loading its history does (the hub
   * announces what the whole share says, not what its first half did); returns how many records
   * the gateway accepted and rejected.
   */
  publishShare(): Promise<{ accepted: number; rejected: number }> {
    return this.options.client.inBulkLoad(() => this.publishRecords());
  }

  private async publishRecords(): Promise<{ accepted: number; rejected: number }> {
    const { client, records, csvTypes, batchSize, log } = this.options;
    const totals = { accepted: 0, rejected: 0 };
    const count = (outcome: { accepted: number; duplicates: number; rejected: number }) => {
      totals.accepted += outcome.accepted + outcome.duplicates;
      totals.rejected += outcome.rejected;
    };
    for (const type of csvTypes) {
      const ofType = records.filter((r) => r.type === type);
      if (ofType.length === 0) continue;
      await client.declareCsvMapping(type, csvExport(ofType.slice(0, 1)).mapping);
      for (const chunk of chunks(ofType, batchSize)) count(await client.publishCsv(type, csvExport(chunk).csv));
    }
    for (const chunk of chunks(
      records.filter((r) => !csvTypes.includes(r.type)),
      batchSize,
    ))
      count(await client.publish(chunk));
    log(`published ${totals.accepted} records (${csvTypes.length > 0 ? `${csvTypes.join(', ')} as CSV exports` : 'as JSON events'}), ${totals.rejected} rejected`, totals);
    return totals;
  }

  /** Reads the findings changed since the last call and acts on each open one not yet answered; returns how many it acted on. */
  async actOnFindings(): Promise<number> {
    const { client, department, respondedBy, grantedOn, log } = this.options;
    let acted = 0;
    for (;;) {
      const page = await client.findings({ limit: 500, ...(this.cursor ? { after: this.cursor } : {}) });
      for (const finding of page.items) {
        if (this.answered.has(finding.findingId)) continue;
        const revealed = needsReveal(department, finding) ? await this.reveal(finding) : undefined;
        if (revealed === null) continue;
        const action = actionFor(department, finding, this.students, respondedBy, grantedOn, revealed);
        if (!action) continue;
        this.answered.add(finding.findingId);
        if (action.publish.length > 0) {
          const outcome = await client.publish(action.publish);
          if (outcome.rejected > 0) {
            log(`could not act on ${finding.rule} ${finding.period}: the hub rejected what it published; left unanswered`, { findingId: finding.findingId, results: outcome.results });
            continue;
          }
        }
        await client.respond(finding.findingId, action.response);
        acted++;
        log(`${action.response.response} ${finding.rule} ${finding.period}${action.publish.length > 0 ? ` and published ${action.publish.map((r) => r.type).join(', ')}` : ''}`, {
          findingId: finding.findingId,
        });
      }
      if (page.items.length > 0) this.cursor = page.items.at(-1)!.sequence;
      if (page.nextCursor === null) return acted;
    }
  }

  /**
   * Who a finding is about, asked of the hub; null when the hub refuses (the finding closed
   * meanwhile, e.g. the enrolment arrived after all): the next page shows why.
   */
  private async reveal(finding: Finding): Promise<FindingReveal | null> {
    try {
      return await this.options.client.reveal(finding.findingId, finding.reveal!.purpose);
    } catch (error) {
      if (!(error instanceof HubClientError) || (error.status !== 403 && error.status !== 404)) throw error;
      this.options.log(`could not learn who ${finding.rule} ${finding.period} is about: ${error.message}; left for the next page`, { findingId: finding.findingId });
      return null;
    }
  }
}
