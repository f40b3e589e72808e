import { chinaDate, FACT_EVENT_TYPES, type Policy } from '@hub/precise-aid';
import { diffFindings } from './findings-diff.js';
import type { LogCut, LogSourceSpec } from './log-source.js';
import { openLogSource } from './open-log-source.js';
import { RecordedFindings } from './recorded-findings.js';
import { replayReport, type ReplayReport } from './replay-report.js';
import { replaySlices, type ReplayPhase, type SliceSet } from './replay-slices.js';
import { byFindingKey } from './reported-finding.js';
import { runSliceWorkers } from './slice-workers.js';

export interface ReplayOptions {
  /** The Kafka topics, or the audit store. */
  source: LogSourceSpec;
  /** Every record the broker had written by then is read; none after. */
  asOf: Date;
  policy: Policy;
  /**
   * The day findings are judged as of (YYYY-MM-DD); by default the day the hub judged the latest
   * change it announced by `asOf` as of, else the day of `asOf` in China.
   */
  evaluationDate?: string;
  findingsTopic: string;
  /** Worker threads replaying slices at once, at most; with 1 (or a single slice) the replay runs in this thread. */
  workers?: number;
  /** How many slices the state is cut into; by default one per worker for a log of WORKERS_FROM records or more, else one. */
  slices?: number;
  /** Reading the log (of a total known ahead), then judging every person once (the total known once every slice has read). */
  onProgress?: (phase: ReplayPhase, done: number, total?: number) => void;
}

/**
 * Rebuilds the state and the findings as they stood at `asOf` from the canonical topics, with the
 * very engine and rules of the live path, on a state held in memory (nothing is written to live
 * tables or topics); then compares them with the findings the hub announced by then. The history is
 * stored first and every person judged once on it: the findings open at the end are those the live
 * path ends with after judging each person again for every batch that touches them, so where the
 * two differ the announcements are wrong, not the order. The log is cut once, so every slice reads
 * the same records.
 */
export async function replayAsOf(options: ReplayOptions): Promise<ReplayReport> {
  const source = await openLogSource(options.source);
  try {
    const allCuts = await source.cutsAt([...FACT_EVENT_TYPES, options.findingsTopic], options.asOf);
    const canonical = new Set<string>(FACT_EVENT_TYPES);
    const cuts = allCuts.filter((cut) => canonical.has(cut.topic));
    const findingsCuts = allCuts.filter((cut) => !canonical.has(cut.topic));
    const records = total(cuts);
    const workers = Math.max(1, options.workers ?? 1);
    const slices = options.slices ?? (records >= WORKERS_FROM ? workers : 1);
    // Each worker takes every workers-th slice.
    const sets: SliceSet[] = Array.from({ length: Math.min(workers, slices) }, (_, worker) => ({
      slices: Array.from({ length: slices }, (_, slice) => slice).filter((slice) => slice % workers === worker),
      of: slices,
    }));
    const progress = new SliceProgress(sets.length, records, options.onProgress);
    const recorded = new RecordedFindings();
    // What the hub announced is read meanwhile, or first when the day it judged as of is the replay's too.
    const reading = source.read(findingsCuts, async (found) => {
      recorded.add(found);
    });
    if (options.evaluationDate === undefined) await reading;
    const judged =
      options.evaluationDate !== undefined
        ? { evaluationDate: options.evaluationDate, from: 'given' as const }
        : recorded.evaluationDate
          ? { evaluationDate: recorded.evaluationDate, from: 'announced' as const }
          : { evaluationDate: chinaDate(options.asOf), from: 'as-of' as const };
    const replayed =
      sets.length === 1
        ? replaySlices({
            ...options,
            ...judged,
            source,
            cuts,
            slices: sets[0],
            onProgress: (phase, done, all) => {
              progress.update(0, phase, done, all);
            },
          }).then((outcome) => [outcome])
        : runSliceWorkers(
            sets.map((set) => ({ source: options.source, cuts, slices: set, asOf: options.asOf.toISOString(), policy: options.policy, evaluationDate: judged.evaluationDate })),
            (worker, phase, done, all) => {
              progress.update(worker, phase, done, all);
            },
          );
    const [outcomes, , expired] = await Promise.all([replayed, reading, source.expiredWithin?.(cuts)]);
    const findings = outcomes.flatMap((outcome) => outcome.findings).sort(byFindingKey);
    return replayReport(
      {
        asOf: options.asOf.toISOString(),
        evaluationDate: judged.evaluationDate,
        evaluationDateFrom: judged.from,
        policyVersion: options.policy.version,
        log: { source: source.name, records: outcomes.reduce((all, outcome) => all + outcome.records, 0), ...(expired === undefined ? {} : { expired }), cuts },
      },
      findings,
      { topic: options.findingsTopic, findings: recorded.findings },
      diffFindings(findings, recorded.findings, options.policy.version),
    );
  } finally {
    await source.close();
  }
}

/**
 * Records of the log from which a replay is sliced over the workers by default. A worker takes
 * about two seconds to start (it loads the modules again), more than a smaller log takes to replay.
 * More slices than workers would keep less in memory at once, but each slice reads the log again:
 * over the full region (5.9 million records, 2 cores) 2 workers took 154 s with 2 slices and 187 s with 8.
 */
const WORKERS_FROM = 500_000;

const total = (cuts: readonly LogCut[]) => cuts.reduce((all, cut) => all + Number(BigInt(cut.end) - BigInt(cut.start)), 0);

/** The workers' progress as one: records read of the log's total, persons judged of all the slices hold once each worker has said. */
class SliceProgress {
  private readonly done = new Map<ReplayPhase, number[]>();
  private readonly totals: (number | undefined)[];

  constructor(
    private readonly workers: number,
    private readonly records: number,
    private readonly onProgress?: (phase: ReplayPhase, done: number, total?: number) => void,
  ) {
    this.totals = Array.from({ length: workers }, () => undefined);
  }

  update(worker: number, phase: ReplayPhase, done: number, total?: number): void {
    const counts =
      this.done.get(phase) ??
      this.done
        .set(
          phase,
          Array.from({ length: this.workers }, () => 0),
        )
        .get(phase)!;
    counts[worker] = done;
    if (phase === 'persons judged') this.totals[worker] = total;
    const all = counts.reduce((sum, count) => sum + count, 0);
    const known = this.totals.every((count) => count !== undefined) ? this.totals.reduce((sum: number, count) => sum + count, 0) : undefined;
    this.onProgress?.(phase, all, phase === 'canonical records read' ? (this.records > 0 ? this.records : undefined) : known);
  }
}
