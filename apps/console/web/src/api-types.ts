/*
 * The shapes the console's API answers, as the pages read them: generated from its OpenAPI
 * document (npm run generate), under the names the pages use. The long operations' streamed
 * results (verify, replay) are NDJSON lines the document describes in words: their shapes are here.
 */
import type { ConsoleSession, FindingReveal } from './generated/console-api.js';

export type {
  AccessLogPage,
  BulkLoad,
  CompatibilityReport,
  ContractDetail,
  ConsumerLag,
  ContractSummary,
  DeadLetterEntry,
  Finding,
  Lineage,
  MemberWithKeys,
  RejectionTally,
  SampleCheckReport,
  SchemaDifference,
  ServiceHealth,
  VersionDiff,
} from './generated/console-api.js';

export type Session = ConsoleSession;
export type ConsoleAction = ConsoleSession['permissions'][number];
export type Reveal = FindingReveal;

/** A page of a list: its items and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What `GET /api/audit/verify` ends with (libs/audit AuditVerification). */
export interface VerificationVerdict {
  chains: number;
  entries: number;
  checkpoints: number;
  unsealedEntries: number;
  breaks: { kind: string; topic: string; partition: number; offset: string; position: number; message: string }[];
}

/** What `POST /api/audit/replay` ends with (libs/replay ReplayReport, as the console answers it). */
export interface ReplayReport {
  asOf: string;
  evaluationDate: string;
  policyVersion: string;
  log: { source: string; records: number; expired?: number };
  findings: { open: number };
  recorded: { topic: string; open: number; closed: number };
  differences: {
    appears: number;
    disappears: number;
    changes: number;
    listed: number;
    items: { difference: 'appears' | 'disappears' | 'changes'; rule: string; subject: string; period: string; item?: string; why: string }[];
  };
}
