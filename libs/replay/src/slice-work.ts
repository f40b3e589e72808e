import type { ErrorCode } from '@hub/errors';
import type { Policy } from '@hub/precise-aid';
import type { LogCut, LogSourceSpec } from './log-source.js';
import type { ReplayPhase, SliceOutcome, SliceSet } from './replay-slices.js';

/** What a replay worker is given: all of it crosses to the worker's thread as plain data. */
export interface SliceWork {
  source: LogSourceSpec;
  cuts: LogCut[];
  slices: SliceSet;
  /** ISO 8601. */
  asOf: string;
  policy: Policy;
  evaluationDate: string;
}

/** What a replay worker tells the thread that started it. */
export type SliceMessage =
  | { kind: 'progress'; phase: ReplayPhase; done: number; total?: number }
  | { kind: 'done'; outcome: SliceOutcome }
  | { kind: 'failed'; message: string; code?: ErrorCode; context?: Record<string, unknown> };
