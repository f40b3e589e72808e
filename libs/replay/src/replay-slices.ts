import { CrosscheckEngine, InMemoryCrosscheckState, canonicalEventOf, type CanonicalEvent } from '@hub/crosscheck';
import { ErrorCode, HubError } from '@hub/errors';
import { factFromEvent, HOUSEHOLD_EVENT_TYPES, type Finding, type Policy } from '@hub/precise-aid';
import { HouseholdClusters } from './household-clusters.js';
import type { LogCut, LogSource } from './log-source.js';
import type { ReportedFinding } from './reported-finding.js';

export type ReplayPhase = 'canonical records read' | 'persons judged';

/** Which slices of a replay one thread works through, one after another: `slices` of `of`, each holding whole household clusters. */
export interface SliceSet {
  slices: number[];
  of: number;
}

export interface SliceReplay {
  source: LogSource;
  /** The canonical topics' cuts, shared by every slice. */
  cuts: readonly LogCut[];
  slices: SliceSet;
  asOf: Date;
  policy: Policy;
  evaluationDate: string;
  /** These slices' records stored so far, then their persons judged (of all they hold, once the last slice has been read). */
  onProgress?: (phase: ReplayPhase, done: number, total?: number) => void;
}

export interface SliceOutcome {
  /** The canonical records these slices stored: every record belongs to exactly one slice. */
  records: number;
  persons: number;
  /** The findings open at the end, in no particular order. */
  findings: ReportedFinding[];
}

/** Persons judged at a time: bounds the views held at once in a region of millions. */
const JUDGED_AT_ONCE = 10_000;

/**
 * Rebuilds slices of the state from the log and judges each of their persons once, with the very
 * engine and rules of the live path on a state held in memory. The household topics are read first:
 * their members tie persons and households into clusters, and each slice keeps whole clusters. The
 * person topics are then read once per slice; they are keyed by their person, so the other slices'
 * records are skipped undecoded. A slice's state is dropped once it is judged, so the heap holds one
 * slice at a time: it grows slower to trace and to reach than the whole region's.
 */
export async function replaySlices(replay: SliceReplay): Promise<SliceOutcome> {
  const { source, slices } = replay;
  const whole = slices.of === 1;
  const clusters = new HouseholdClusters(slices.of);
  /** Every household record, with the household it is about ('' when it makes no household fact). */
  const households: { event: CanonicalEvent; household: string }[] = [];
  const outcome: SliceOutcome = { records: 0, persons: 0, findings: [] };
  const stored = (count: number) => {
    outcome.records += count;
    replay.onProgress?.('canonical records read', outcome.records);
  };
  const personCuts = replay.cuts.filter((cut) => !HOUSEHOLD_EVENT_TYPES.includes(cut.topic));
  if (whole) {
    const slice = sliceState(replay);
    await source.read(replay.cuts, async (batch) => {
      await slice.engine.store(batch.map(canonicalEventOf));
      stored(batch.length);
    });
    await judge(slice, slice.state.persons(), replay, outcome, true);
    return outcome;
  }
  await source.read(
    replay.cuts.filter((cut) => HOUSEHOLD_EVENT_TYPES.includes(cut.topic)),
    async (batch) => {
      for (const event of batch.map(canonicalEventOf)) {
        const fact = factFromEvent(event.type, event.data, event.evidence);
        const household = fact && 'household' in fact ? fact : undefined;
        if (household)
          clusters.join(
            household.household,
            household.members.map((member) => member.person),
          );
        households.push({ event, household: household?.household ?? '' });
      }
    },
  );
  for (const [n, index] of slices.slices.entries()) {
    const slice = sliceState(replay);
    const own = households.filter(({ household }) => clusters.sliceOfHousehold(household) === index).map(({ event }) => event);
    await slice.engine.store(own);
    stored(own.length);
    await source.read(
      personCuts,
      async (batch) => {
        await slice.engine.store(batch.map(canonicalEventOf));
        stored(batch.length);
      },
      (bytes, start, end) => clusters.sliceOfPersonKey(bytes, start, end) === index,
    );
    const persons = slice.state.persons();
    assertHeld(persons, clusters, { index, of: slices.of });
    await judge(slice, persons, replay, outcome, n === slices.slices.length - 1);
  }
  return outcome;
}

/** A slice's state and the live engine over it. */
interface SliceState {
  state: InMemoryCrosscheckState;
  engine: CrosscheckEngine;
}

function sliceState(replay: SliceReplay): SliceState {
  const state = new InMemoryCrosscheckState();
  // The clock is the moment replayed.
  return { state, engine: new CrosscheckEngine(state, replay.policy, replay.evaluationDate, () => replay.asOf) };
}

/** Judges every person the slice holds and adds its open findings to the outcome; the total of persons is told with the last slice. */
async function judge({ engine, state }: SliceState, persons: readonly string[], replay: SliceReplay, outcome: SliceOutcome, last: boolean): Promise<void> {
  const before = outcome.persons;
  for (let judged = 0; judged < persons.length; judged += JUDGED_AT_ONCE) {
    await engine.reevaluate(persons.slice(judged, judged + JUDGED_AT_ONCE));
    replay.onProgress?.('persons judged', before + Math.min(judged + JUDGED_AT_ONCE, persons.length), last ? before + persons.length : undefined);
  }
  outcome.persons += persons.length;
  for (const finding of state.open()) outcome.findings.push(reported(finding));
}

/**
 * A person's facts are kept by the slice their record key falls in: a record keyed by anything but
 * its person would leave them in another slice than their cluster's, and their judgment short of
 * facts. That slice then holds a person it should not, which this catches.
 */
function assertHeld(persons: readonly string[], clusters: HouseholdClusters, slice: { index: number; of: number }): void {
  const stray = persons.find((person) => clusters.sliceOfPerson(person) !== slice.index);
  if (stray === undefined) return;
  throw new HubError(
    ErrorCode.ReplayNotSliceable,
    `slice ${slice.index + 1} of ${slice.of} holds facts about person ${stray}, who belongs to slice ${clusters.sliceOfPerson(stray) + 1}: a person topic has records not keyed by their person; replay with --workers 1`,
    {
      context: { slice: slice.index, person: stray },
    },
  );
}

const reported = (finding: Finding): ReportedFinding => ({
  findingId: finding.findingId,
  rule: finding.rule,
  ruleVersion: finding.ruleVersion,
  subject: finding.subject,
  period: finding.period,
  ...(finding.item ? { item: finding.item } : {}),
  routedTo: finding.routedTo,
  state: 'open',
  explanation: finding.explanation,
  evidence: finding.evidence.map(({ eventId, source, type }) => ({ eventId, source, type })),
});
