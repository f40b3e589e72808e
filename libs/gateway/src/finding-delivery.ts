import type { DataSource } from 'typeorm';
import { maskIdentityNumbers } from '@hub/privacy';
import type { IngestLedger } from './ingest-ledger.js';

/** A finding as the hub publishes it on hub.finding.changed.v1 (the contract's data). */
export interface FindingChange {
  findingId: string;
  rule: string;
  ruleVersion: string;
  change: 'raised' | 'updated' | 'closed';
  subject: string;
  period: string;
  item?: string;
  routedTo: string;
  reveal?: { purpose: string };
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
  /** The aid item a student-aid finding is about (普高 国家助学金, ...), as the aid contract (version 2) names it. */
  item?: string;
  explanation: string;
  evidence: FindingChange['evidence'];
  /** The hub's pseudonym of the person or household, to quote when responding. */
  subject: string;
  /** The department's own identifiers of the subject (学籍号, household number, certificate number), when it has published any. */
  recordKeys: Record<string, string>;
  /** The department's responses so far. */
  responses: FindingResponseSummary[];
  /** Present when the policy lets the department learn who the subject is (POST /v1/findings/{findingId}/reveal), and for what. */
  reveal?: { purpose: string };
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

/** A finding as the gateway keeps it: without the member's record keys, which stay sealed in the ledger and are opened when it is read. */
type HeldFinding = Omit<DeliveredFinding, 'sequence' | 'recordKeys'>;

interface FindingRow {
  member_id: string;
  sequence: string;
  finding: HeldFinding;
}

type RoutedFinding = DeliveredFinding & { routedTo: string };

/** Consecutive runs of changes in which each department's finding comes at most once, in order (one upsert may touch a row only once). */
function runsWithoutRepeats(changes: readonly FindingChange[]): FindingChange[][] {
  const runs: FindingChange[][] = [];
  let seen = new Set<string>();
  for (const change of changes) {
    const key = `${change.routedTo}\u0000${change.findingId}`;
    if (runs.length === 0 || seen.has(key)) {
      runs.push([]);
      seen = new Set();
    }
    seen.add(key);
    runs.at(-1)!.push(change);
  }
  return runs;
}

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

  /**
   * Applies finding changes; returns those that changed what a department holds. One query for
   * the record keys of each department, then one upsert per run of changes in which no finding
   * comes twice (a finding changed twice in a batch is upserted in order, one change per run).
   */
  async apply(changes: readonly FindingChange[]): Promise<RoutedFinding[]> {
    const delivered: FindingRow[] = [];
    for (const run of runsWithoutRepeats(changes)) {
      const findings = run.map((change): HeldFinding => ({
        findingId: change.findingId,
        rule: change.rule,
        ruleVersion: change.ruleVersion,
        state: change.change === 'closed' ? 'closed' : 'open',
        period: change.period,
        ...(change.item ? { item: change.item } : {}),
        explanation: change.explanation,
        evidence: change.evidence,
        subject: change.subject,
        responses: change.responses ?? [],
        ...(change.reveal ? { reveal: { purpose: change.reveal.purpose } } : {}),
        occurredAt: change.occurredAt,
      }));
      const rows: FindingRow[] = await this.dataSource.query(
        `INSERT INTO gateway_finding (member_id, finding_id, rule, state, period, finding, occurred_at)
         SELECT m, f, r, st, p, d, o FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::timestamptz[])
           WITH ORDINALITY AS u (m, f, r, st, p, d, o, n) ORDER BY n
         ON CONFLICT (member_id, finding_id) DO UPDATE
           SET sequence = nextval('gateway_finding_sequence'), rule = EXCLUDED.rule, state = EXCLUDED.state,
               period = EXCLUDED.period, finding = EXCLUDED.finding, occurred_at = EXCLUDED.occurred_at
           WHERE gateway_finding.occurred_at <= EXCLUDED.occurred_at AND gateway_finding.finding <> EXCLUDED.finding
         RETURNING member_id, sequence, finding`,
        [
          run.map((c) => c.routedTo),
          run.map((c) => c.findingId),
          run.map((c) => c.rule),
          findings.map((f) => f.state),
          run.map((c) => c.period),
          findings.map((f) => JSON.stringify(f)),
          run.map((c) => c.occurredAt),
        ],
      );
      delivered.push(...rows);
    }
    return this.withRecordKeys(delivered);
  }

  /** The findings with each member's own record keys of their subjects, opened from the sealed ledger: one query per member. */
  private async withRecordKeys(rows: readonly FindingRow[]): Promise<RoutedFinding[]> {
    const keysByMember = new Map<string, Map<string, Record<string, string>>>();
    for (const member of new Set(rows.map((row) => row.member_id))) {
      keysByMember.set(member, await this.ledger.recordKeys(member, [...new Set(rows.filter((row) => row.member_id === member).map((row) => row.finding.subject))]));
    }
    return rows.map((row) => {
      const keys = keysByMember.get(row.member_id)?.get(row.finding.subject) ?? {};
      return { ...row.finding, recordKeys: keys, sequence: row.sequence, routedTo: row.member_id };
    });
  }

  /** What goes on a member's Kafka findings topic: the finding with its record keys, those that embed an identity number masked. */
  static forKafka(finding: RoutedFinding): RoutedFinding {
    return { ...finding, recordKeys: maskIdentityNumbers(finding.recordKeys) as Record<string, string> };
  }

  /** A member's findings in change order after a cursor; an auditor (member undefined) sees every member's. */
  async list(member: string | undefined, filter: FindingFilter): Promise<RoutedFinding[]> {
    const rows: FindingRow[] = await this.dataSource.query(
      `SELECT member_id, sequence, finding FROM gateway_finding
       WHERE ($1::varchar IS NULL OR member_id = $1) AND sequence > $2 AND ($3::varchar IS NULL OR state = $3)
         AND ($4::varchar IS NULL OR rule = $4) AND ($5::varchar IS NULL OR period = $5)
       ORDER BY sequence LIMIT $6`,
      [member ?? null, filter.after ?? '0', filter.state ?? null, filter.rule ?? null, filter.period ?? null, filter.limit],
    );
    return this.withRecordKeys(rows);
  }

  /** Findings an earlier version kept with the record keys inside lose them: they are opened from the sealed keys when read. Returns how many. */
  async dropKeptRecordKeys(): Promise<number> {
    const [, changed] = await this.dataSource.query<[unknown, number]>(`UPDATE gateway_finding SET finding = finding - 'recordKeys' WHERE finding ? 'recordKeys'`);
    return changed;
  }

  /** One of a member's findings, if it is routed to the member. */
  async find(member: string, findingId: string): Promise<RoutedFinding | undefined> {
    const rows: FindingRow[] = await this.dataSource.query('SELECT member_id, sequence, finding FROM gateway_finding WHERE member_id = $1 AND finding_id = $2', [member, findingId]);
    return (await this.withRecordKeys(rows))[0];
  }

  /** Who a finding is routed to, if the gateway holds it. */
  async routedTo(findingId: string): Promise<string | undefined> {
    const rows: { member_id: string }[] = await this.dataSource.query('SELECT member_id FROM gateway_finding WHERE finding_id = $1', [findingId]);
    return rows[0]?.member_id;
  }
}
