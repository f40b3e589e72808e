export { diffFindings, type FindingDifference } from './findings-diff.js';
export type { LogCut, LogSourceSpec } from './log-source.js';
export { KNOWN_POLICIES, PolicyDocumentError, policyFromDocument } from './policy-document.js';
export { replayAsOf, type ReplayOptions } from './replay-as-of.js';
export { replayReport, replaySummary, type ReplayReport } from './replay-report.js';
export type { ReplayPhase } from './replay-slices.js';
export type { ReportedFinding } from './reported-finding.js';
