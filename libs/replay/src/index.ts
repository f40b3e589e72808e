export { auditLogSource } from './audit-log-source.js';
export { diffFindings, type FindingDifference } from './findings-diff.js';
export { kafkaLogSource } from './kafka-log-source.js';
export type { LogCut, LogSource } from './log-source.js';
export { KNOWN_POLICIES, PolicyDocumentError, policyFromDocument } from './policy-document.js';
export { replayAsOf, type ReplayOptions, type ReplayPhase } from './replay-as-of.js';
export { replayReport, replaySummary, type ReplayReport } from './replay-report.js';
export type { ReportedFinding } from './reported-finding.js';
