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
  /** Reading the log (its total is known ahead only when reading Kafka), then judging every person once. */
  onProgress?: (phase: ReplayPhase, done: number, total?: number) => void;
}

export type ReplayPhase = 'canonical records read' | 'persons judged';

/** Persons judged at a time: bounds the views held at once in a region of millions. */
const JUDGED_AT_ONCE = 10_000;

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
 * tables or topics); then compares them with the findings the hub announced by then. The history is
 * stored first and every person judged once on it: the findings open at the end are those the live
 * path ends with after judging each person again for every batch that touches them, so where the
 * two differ the announcements are wrong, not the order.
 */
export async function replayAsOf(options: ReplayOptions): Promise<ReplayReport> {
  const state = new InMemoryCrosscheckState();
  // The clock is the moment replayed.
  const engine = new CrosscheckEngine(state, options.policy, options.evaluationDate, () => options.asOf);
  let total = 0;
  let done = 0;
  const readAndJudge = async () => {
    const log = await options.source.read(
      FACT_EVENT_TYPES,
      options.asOf,
      async (records) => {
        await engine.store(records.map(canonicalEventOf));
        done += records.length;
        options.onProgress?.('canonical records read', done, total > 0 ? total : undefined);
      },
      (cuts) => (total = cuts.reduce((sum, cut) => sum + Number(BigInt(cut.end) - BigInt(cut.start)), 0)),
    );
    const persons = state.persons();
    for (let judged = 0; judged < persons.length; judged += JUDGED_AT_ONCE) {
      await engine.reevaluate(persons.slice(judged, judged + JUDGED_AT_ONCE));
      options.onProgress?.('persons judged', Math.min(judged + JUDGED_AT_ONCE, persons.length), persons.length);
    }
    return log;
  };
  const recorded = new RecordedFindings();
  // What the hub announced is read meanwhile, in the time the canonical read spends waiting on the source.
  const [log] = await Promise.all([readAndJudge(), options.source.read([options.findingsTopic], options.asOf, async (records) => recorded.add(records))]);
  const findings = state.open().map(reported).sort(byFindingKey);
  return replayReport(
    { asOf: options.asOf.toISOString(), evaluationDate: options.evaluationDate, policyVersion: options.policy.version, log: { source: options.source.name, records: log.records, cuts: log.cuts } },
    findings,
    { topic: options.findingsTopic, findings: recorded.findings },
    diffFindings(findings, recorded.findings, options.policy.version),
  );
}
