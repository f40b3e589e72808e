import { CrosscheckEngine, canonicalEventOf } from '@hub/crosscheck';
import { readLogUntil, type KafkaSettings } from '@hub/messaging';
import { FACT_EVENT_TYPES, type Finding, type Policy } from '@hub/precise-aid';
import { diffFindings } from './findings-diff.js';
import { RecordedFindings } from './recorded-findings.js';
import { openReplaySandbox } from './replay-sandbox.js';
import { replayReport, type ReplayReport } from './replay-report.js';
import { byFindingKey, type ReportedFinding } from './reported-finding.js';

export interface ReplayOptions {
  kafka: KafkaSettings;
  databaseUrl: string;
  /** Every record the broker had written by then is read; none after. */
  asOf: Date;
  policy: Policy;
  /** The day findings are judged as of (YYYY-MM-DD). */
  evaluationDate: string;
  findingsTopic: string;
  onProgress?: (recordsDone: number, recordsTotal: number) => void;
  /** After the log is read, each person is evaluated once: how many so far. */
  onEvaluated?: (persons: number) => void;
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
 * very engine and rules of the live path, in a sandbox schema that is dropped afterwards (nothing
 * is written to live tables or topics); then compares them with the findings the hub announced by
 * then. The history is stored first and each person evaluated once at the end, which ends where
 * evaluating batch by batch ends.
 */
export async function replayAsOf(options: ReplayOptions): Promise<ReplayReport> {
  const sandbox = await openReplaySandbox(options.databaseUrl);
  try {
    // Settling only delays announcing, which a replay does not do; the clock is the moment replayed.
    const engine = new CrosscheckEngine(sandbox.dataSource, options.policy, 0, options.evaluationDate, () => options.asOf);
    let total = 0;
    let done = 0;
    const log = await readLogUntil(
      options.kafka,
      FACT_EVENT_TYPES,
      options.asOf,
      async (records) => {
        await engine.store(records.map(canonicalEventOf));
        done += records.length;
        options.onProgress?.(done, total);
      },
      (cuts) => (total = cuts.reduce((sum, cut) => sum + Number(BigInt(cut.end) - BigInt(cut.start)), 0)),
    );
    await engine.evaluateEveryone(2000, (persons) => options.onEvaluated?.(persons));
    // Only the open ones: which findings were raised and closed again on the way depends on the order partitions were read in, the open ones at the end do not.
    const rows: { finding: Finding }[] = await sandbox.dataSource.query(`SELECT finding FROM crosscheck_finding WHERE state = 'open'`);
    const findings = rows.map((row) => reported(row.finding)).sort(byFindingKey);
    const recorded = new RecordedFindings();
    await readLogUntil(options.kafka, [options.findingsTopic], options.asOf, async (records) => recorded.add(records));
    return replayReport(
      { asOf: options.asOf.toISOString(), evaluationDate: options.evaluationDate, policyVersion: options.policy.version, log: { records: log.records, cuts: log.cuts } },
      findings,
      { topic: options.findingsTopic, findings: recorded.findings },
      diffFindings(findings, recorded.findings, options.policy.version),
    );
  } finally {
    await sandbox.drop();
  }
}
