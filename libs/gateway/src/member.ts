/** Departments publish and read what routes to them; auditors read everything (and are logged like everyone). */
export const MEMBER_ROLES = ['department', 'auditor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A registered member of the hub (a department system or an audit office), in the spirit of X-Road. */
export interface Member {
  /** The department code, e.g. `education`; also the owner named in its contracts. */
  id: string;
  displayName: string;
  role: MemberRole;
  recordsPerSecond: number;
  maxRequestBytes: number;
}

export interface ApiKeyInfo {
  keyId: string;
  memberId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export const DEFAULT_RECORDS_PER_SECOND = 50_000;
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;
