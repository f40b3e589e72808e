import { maskIdentityNumbers } from '@hub/privacy';
import type { DeliveredFinding, FindingChange, FindingFilter } from './delivered-finding.js';
import type { FindingRepository, HeldFinding, HeldFindingRow } from './finding.repository.js';
import type { IngestLedger } from './ingest-ledger.repository.js';

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

/** What the gateway holds of a change: the finding as its department may see it, without record keys. */
function heldFinding(change: FindingChange): HeldFinding {
  return {
    findingId: change.findingId,
    rule: change.rule,
    ruleVersion: change.ruleVersion,
    state: change.change === 'closed' ? 'closed' : 'open',
    period: change.period,
    ...(change.item ? { item: change.item } : {}),
    ...(change.county ? { county: change.county } : {}),
    explanation: change.explanation,
    evidence: change.evidence,
    subject: change.subject,
    responses: change.responses ?? [],
    ...(change.reveal ? { reveal: { purpose: change.reveal.purpose } } : {}),
    occurredAt: change.occurredAt,
  };
}

/**
 * Keeps each department's findings, as it may see them, for its read endpoint and its findings
 * topic. A change older than the one held (a redelivery, or an out-of-order record) is ignored,
 * so the held state never flaps backwards.
 */
export class FindingDelivery {
  // The findings held (its repository) and the member's sealed record keys (what it uses of the ledger): its ports, so it is specified without PostgreSQL (finding-delivery.spec.ts).
  constructor(
    private readonly findings: FindingRepository,
    private readonly ledger: Pick<IngestLedger, 'recordKeys'>,
  ) {}

  /**
   * Applies finding changes; returns those that changed what a department holds. One query for
   * the record keys of each department, then one upsert per run of changes in which no finding
   * comes twice (a finding changed twice in a batch is upserted in order, one change per run).
   */
  async apply(changes: readonly FindingChange[]): Promise<RoutedFinding[]> {
    const delivered: HeldFindingRow[] = [];
    for (const run of runsWithoutRepeats(changes)) {
      delivered.push(...(await this.findings.hold(run.map((change) => ({ routedTo: change.routedTo, finding: heldFinding(change) })))));
    }
    return this.withRecordKeys(delivered);
  }

  /** The findings with each member's own record keys of their subjects, opened from the sealed ledger: one query per member. */
  private async withRecordKeys(rows: readonly HeldFindingRow[]): Promise<RoutedFinding[]> {
    const keysByMember = new Map<string, Map<string, Record<string, string>>>();
    for (const member of new Set(rows.map((row) => row.routedTo))) {
      keysByMember.set(member, await this.ledger.recordKeys(member, [...new Set(rows.filter((row) => row.routedTo === member).map((row) => row.finding.subject))]));
    }
    return rows.map((row) => {
      const keys = keysByMember.get(row.routedTo)?.get(row.finding.subject) ?? {};
      return { ...row.finding, recordKeys: keys, sequence: row.sequence, routedTo: row.routedTo };
    });
  }

  /** What goes on a member's Kafka findings topic: the finding with its record keys, those that embed an identity number masked. */
  static forKafka(finding: RoutedFinding): RoutedFinding {
    return { ...finding, recordKeys: maskIdentityNumbers(finding.recordKeys) as Record<string, string> };
  }

  /** A member's findings in change order after a cursor; an auditor (member undefined) sees every member's. */
  async list(member: string | undefined, filter: FindingFilter): Promise<RoutedFinding[]> {
    return this.withRecordKeys(await this.findings.list(member, filter));
  }

  /** Findings an earlier version kept with the record keys inside lose them: they are opened from the sealed keys when read. Returns how many. */
  dropKeptRecordKeys(): Promise<number> {
    return this.findings.dropKeptRecordKeys();
  }

  /** One of a member's findings, if it is routed to the member. */
  async find(member: string, findingId: string): Promise<RoutedFinding | undefined> {
    const row = await this.findings.find(member, findingId);
    return row ? (await this.withRecordKeys([row]))[0] : undefined;
  }

  /** Who a finding is routed to, if the gateway holds it. */
  routedTo(findingId: string): Promise<string | undefined> {
    return this.findings.routedTo(findingId);
  }
}
