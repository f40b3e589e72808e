/* The shapes the console's API answers, as the pages read them (the server's: SessionView, DeliveredFinding, ContractSummary, CompatibilityReport, ServiceHealth). */
export type { DeliveredFinding as Finding } from '../../../../libs/gateway/src/delivered-finding.js';
export type { ConsoleAction } from '../../../../libs/access/src/console-action.js';
import type { ConsoleAction } from '../../../../libs/access/src/console-action.js';
import type { ContractBinding } from '../../../../libs/contracts/src/contract-annotations.js';
import type { SchemaDifference } from '../../../../libs/contracts/src/compatibility/schema-difference.js';

export type ConsoleRole = 'department-officer' | 'department-administrator' | 'auditor' | 'integration-engineer' | 'data-steward' | 'security-administrator';

export interface Session {
  username: string;
  displayName: string;
  member: string;
  role: ConsoleRole;
  stage: 'change-password' | 'second-factor' | 'enrol-second-factor' | 'active';
  csrfToken: string;
  enrolment?: { secret: string; otpauthUri: string };
  permissions: ConsoleAction[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ContractSummary {
  subject: string;
  version: number;
  id: number;
  lifecycle: string;
  binding?: ContractBinding;
  classification: { pointer: string; classification: string }[];
}

export interface ContractDetail extends ContractSummary {
  versions: number[];
  sharing: { member: string; fields: string[]; purpose: string }[];
}

export interface CompatibilityReport {
  compatible: boolean;
  mode: string;
  differences: SchemaDifference[];
  incompatibilities: (SchemaDifference & { version: number; direction: 'backward' | 'forward'; explanation: string })[];
  governed: { kind: string; pointer: string; detail: string }[];
}

export interface ServiceHealth {
  service: string;
  url: string;
  status: 'up' | 'down' | 'unreachable';
  detail: unknown;
}

export interface Reveal {
  findingId: string;
  identityNumber: string;
  name: string;
  purpose: string;
}

export interface Lineage {
  findingId: string;
  steps: { kind: 'evidence' | 'finding-change' | 'response' | 'access'; at: string; topic: string; partition: number; offset: string; by: string; what: string }[];
  missingEvidence: { source: string; eventId: string }[];
  expired: { topic: string; partition: number; offset: string; at: string; period: string }[];
}

export interface VerificationVerdict {
  chains: number;
  entries: number;
  checkpoints: number;
  unsealedEntries: number;
  breaks: { kind: string; topic: string; partition: number; offset: string; position: number; message: string }[];
}

export interface AccessLogPage {
  entries: { at: string; topic: string; partition: number; offset: string; entry: Record<string, unknown> }[];
  scanned: number;
  expired: number;
  truncated: boolean;
}

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

export interface ConsumerLag {
  service: string;
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface MemberWithKeys {
  id: string;
  displayName: string;
  role: string;
  keys: { keyId: string; createdAt: string; expiresAt: string | null; revokedAt: string | null }[];
}
