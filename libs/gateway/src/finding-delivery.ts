import type { DataSource } from 'typeorm';
import type { IngestLedger } from './ingest-ledger.js';

/** A finding as the hub publishes it on hub.finding.changed.v1 (the contract's data). */
export interface FindingChange {
  findingId: string;
  rule: string;
  ruleVersion: string;
  change: 'raised' | 'updated' | 'closed';
  subject: string;
  period: string;
  routedTo: string;
  explanation: string;
  evidence: { eventId: string; source: string; type: string }[];
  responses?: FindingResponseSummary[];
  occurredAt: string;
}

/** A department's response as the finding carries it. */
export interface FindingResponseSummary {
  response: 'acknowledged' | 'resolved' | 'disputed';
  reason?: string;
  respondedAt: string;
}

/** A finding as its department sees it: in its own record keys, without anything it is not entitled to. */
export interface DeliveredFinding {
  findingId: string;
  rule: string;
  ruleVersion: string;
  state: 'open' | 'closed';
  period: string;
  explanation: string;
  evidence: FindingChange['evidence'];
  /** The hub's pseudonym of the person or household, to quote when responding. */
  subject: string;
  /** The department's own identifiers of the subject (学籍号, household number, certificate number), when it has published any. */
  recordKeys: Record<string, string>;
  /** The department's responses so far. */
  responses: FindingResponseSummary[];
  occurredAt: string;
  /** Paging cursor: grows whenever the finding changes. */
  sequence: string;
}

export interface FindingFilter {
  after?: string;
  limit: number;
  state?: 'open' | 'closed';
  rule?: string;
  period?: string;
}

interface FindingRow {
  member_id: string;
  sequence: string;
  finding: Omit<DeliveredFinding, 'sequence'>;
}

const toDelivered = (row: FindingRow): DeliveredFinding & { routedTo: string } => ({ ...row.finding, sequence: row.sequence, routedTo: row.member_id });

/**
 * Keeps each department's findings, as it may see them, for its read endpoint and its findings
 * topic. A change older than the one held (a redelivery, or an out-of-order record) is ignored,
 * so the held state never flaps backwards.
 */
export class FindingDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: IngestLedger,
  ) {}

  /** Applies finding changes; returns those that changed what a department holds. */
  async apply(changes: readonly FindingChange[]): Promise<(DeliveredFinding & { routedTo: string })[]> {
    const delivered: (DeliveredFinding & { routedTo: string })[] = [];
    for (const change of changes) {
      const keys = await this.ledger.recordKeys(change.routedTo, [change.subject]);
      const finding: Omit<DeliveredFinding, 'sequence'> = {
        findingId: change.findingId,
        rule: change.rule,
        ruleVersion: change.ruleVersion,
        state: change.change === 'closed' ? 'closed' : 'open',
        period: change.period,
        explanation: change.explanation,
        evidence: change.evidence,
        subject: change.subject,
        recordKeys: keys.get(change.subject) ?? {},
        responses: change.responses ?? [],
        occurredAt: change.occurredAt,
      };
      const rows: FindingRow[] = await this.dataSource.query(
        `INSERT INTO gateway_finding (member_id, finding_id, rule, state, period, finding, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (member_id, finding_id) DO UPDATE
           SET sequence = nextval('gateway_finding_sequence'), rule = EXCLUDED.rule, state = EXCLUDED.state,
               period = EXCLUDED.period, finding = EXCLUDED.finding, occurred_at = EXCLUDED.occurred_at
           WHERE gateway_finding.occurred_at <= EXCLUDED.occurred_at AND gateway_finding.finding <> EXCLUDED.finding
         RETURNING member_id, sequence, finding`,
        [change.routedTo, change.findingId, change.rule, finding.state, change.period, JSON.stringify(finding), change.occurredAt],
      );
      delivered.push(...rows.map(toDelivered));
    }
    return delivered;
  }

  /** A member's findings in change order after a cursor; an auditor (member undefined) sees every member's. */
  async list(member: string | undefined, filter: FindingFilter): Promise<(DeliveredFinding & { routedTo: string })[]> {
    const rows: FindingRow[] = await this.dataSource.query(
      `SELECT member_id, sequence, finding FROM gateway_finding
       WHERE ($1::varchar IS NULL OR member_id = $1) AND sequence > $2 AND ($3::varchar IS NULL OR state = $3)
         AND ($4::varchar IS NULL OR rule = $4) AND ($5::varchar IS NULL OR period = $5)
       ORDER BY sequence LIMIT $6`,
      [member ?? null, filter.after ?? '0', filter.state ?? null, filter.rule ?? null, filter.period ?? null, filter.limit],
    );
    return rows.map(toDelivered);
  }

  /** Who a finding is routed to, if the gateway holds it. */
  async routedTo(findingId: string): Promise<string | undefined> {
    const rows: { member_id: string }[] = await this.dataSource.query('SELECT member_id FROM gateway_finding WHERE finding_id = $1', [findingId]);
    return rows[0]?.member_id;
  }
}
