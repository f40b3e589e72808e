import { CrosscheckEngine, InMemoryCrosscheckState, canonicalEventOf } from '@hub/crosscheck';
import { FACT_EVENT_TYPES, type Finding, type Policy } from '@hub/precise-aid';
import { diffFindings } from './findings-diff.js';
import type { LogSource } from './log-source.js';
import { RecordedFindings } from './recorded-findings.js';
import { replayReport, type ReplayReport } from './replay-report.js';
import { byFindingKey, type ReportedFinding } from './reported-finding.js';

export interface ReplayOptions {
  /** The Kafka topics (kafkaLogSource) or the audit store (auditLogSource). */
  source: LogSource;
  /** Every record the broker had written by then is read; none after. */
  asOf: Date;
  policy: Policy;
  /** The day findings are judged as of (YYYY-MM-DD). */
  evaluationDate: string;
  findingsTopic: string;
  /** The total is known ahead only when reading Kafka. */
  onProgress?: (recordsDone: number, recordsTotal?: number) => void;
}

const reported = (finding: Finding): ReportedFinding => ({
  findingId: finding.findingId,
  rule: finding.rule,
  ruleVersion: finding.ruleVersion,
  subject: finding.subject,
  period: finding.period,
  routedTo: finding.routedTo,
  state: 'open',
  explanation: finding.explanation,
  evidence: finding.evidence.map(({ eventId, source, type }) => ({ eventId, source, type })),
});

/**
 * Rebuilds the state and the findings as they stood at `asOf` from the canonical topics, with the
 * very engine and rules of the live path, on a state held in memory (nothing is written to live
 * tables or topics); then compares them with the findings the hub announced by then. Batches go
 * through the engine as on the live path, so the replay ends where the live crosscheck ended (or
 * shows where it did not).
 */
export async function replayAsOf(options: ReplayOptions): Promise<ReplayReport> {
  const state = new InMemoryCrosscheckState();
  // The clock is the moment replayed.
  const engine = new CrosscheckEngine(state, options.policy, options.evaluationDate, () => options.asOf);
  let total = 0;
  let done = 0;
  const log = await options.source.read(
    FACT_EVENT_TYPES,
    options.asOf,
    async (records) => {
      await engine.apply(records.map(canonicalEventOf));
      done += records.length;
      options.onProgress?.(done, total > 0 ? total : undefined);
    },
    (cuts) => (total = cuts.reduce((sum, cut) => sum + Number(BigInt(cut.end) - BigInt(cut.start)), 0)),
  );
  // Only the open ones: which findings were raised and closed again on the way depends on the order partitions were read in, the open ones at the end do not.
  const findings = state.open().map(reported).sort(byFindingKey);
  const recorded = new RecordedFindings();
  await options.source.read([options.findingsTopic], options.asOf, async (records) => recorded.add(records));
  return replayReport(
    { asOf: options.asOf.toISOString(), evaluationDate: options.evaluationDate, policyVersion: options.policy.version, log: { source: options.source.name, records: log.records, cuts: log.cuts } },
    findings,
    { topic: options.findingsTopic, findings: recorded.findings },
    diffFindings(findings, recorded.findings, options.policy.version),
  );
}
