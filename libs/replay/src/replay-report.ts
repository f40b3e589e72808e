import type { FindingDifference } from './findings-diff.js';
import type { LogCut } from './log-source.js';
import type { ReportedFinding } from './reported-finding.js';

/**
 * What a replay found and how it differs from what the hub announced. It holds nothing about the
 * run itself (no clock time, no duration), so the same log and rules give the same bytes.
 */
export interface ReplayReport {
  asOf: string;
  evaluationDate: string;
  /** Where the evaluation date came from: given, the day the hub judged its latest announced change as of, or the day of `asOf` in China. */
  evaluationDateFrom: 'given' | 'announced' | 'as-of';
  policyVersion: string;
  /**
   * Where the log was read, and which part: each canonical partition from `start` up to `end`
   * (exclusive). `expired`: records within the cuts left out because they can no longer be read
   * (the audit store's months past retention); the state rests on the others.
   */
  log: { source: 'kafka' | 'audit-store'; records: number; expired?: number; cuts: LogCut[] };
  /** The findings open at `asOf`. */
  findings: { open: number; items: ReportedFinding[] };
  /** The findings the hub had announced on its findings topic by `asOf`. */
  recorded: { topic: string; open: number; closed: number };
  differences: { appears: number; disappears: number; changes: number; items: FindingDifference[] };
}

const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;

export function replayReport(
  header: Pick<ReplayReport, 'asOf' | 'evaluationDate' | 'evaluationDateFrom' | 'policyVersion' | 'log'>,
  findings: readonly ReportedFinding[],
  recorded: { topic: string; findings: readonly ReportedFinding[] },
  differences: readonly FindingDifference[],
): ReplayReport {
  return {
    ...header,
    findings: { open: findings.length, items: [...findings] },
    recorded: { topic: recorded.topic, open: count(recorded.findings, (f) => f.state === 'open'), closed: count(recorded.findings, (f) => f.state === 'closed') },
    differences: {
      appears: count(differences, (d) => d.difference === 'appears'),
      disappears: count(differences, (d) => d.difference === 'disappears'),
      changes: count(differences, (d) => d.difference === 'changes'),
      items: [...differences],
    },
  };
}

const EVALUATION_DATE_FROM: Record<ReplayReport['evaluationDateFrom'], string> = {
  given: 'as given',
  announced: 'the day the hub judged the latest finding change it announced as of, as the live crosscheck did',
  'as-of': 'the day of the moment in China: the hub announced no evaluation date by then',
};

/** The report for people: the figures, then each difference on a line. */
export function replaySummary(report: ReplayReport, maxDifferences = 50): string {
  const { differences: d } = report;
  const lines = [
    `Replay as of ${report.asOf}, judged as of ${report.evaluationDate} (${EVALUATION_DATE_FROM[report.evaluationDateFrom]}), rules and policy ${report.policyVersion}`,
    `  log read from ${report.log.source === 'kafka' ? 'the Kafka topics' : 'the audit store'}: ${report.log.records} canonical records in ${report.log.cuts.length} partitions${report.log.expired ? `; ${report.log.expired} records left out, expired under the audit store's retention (their month's key destroyed): findings resting on them may differ` : ''}`,
    `  findings open: ${report.findings.open}`,
    `  announced by the hub by then (${report.recorded.topic}): ${report.recorded.open} open, ${report.recorded.closed} closed`,
    `  differences: ${d.appears} would appear, ${d.disappears} would disappear, ${d.changes} would change`,
    ...d.items.slice(0, maxDifferences).map((item) => `  ${item.difference.padEnd(10)} ${item.rule} ${item.subject} ${item.period}${item.item ? ` ${item.item}` : ''}: ${item.why}`),
  ];
  if (d.items.length > maxDifferences) lines.push(`  ... and ${d.items.length - maxDifferences} more in the JSON report`);
  return `${lines.join('\n')}\n`;
}
