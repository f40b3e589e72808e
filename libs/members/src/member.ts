import type { MemberRole } from '@hub/access';

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

const MEMBER_ID = /^[a-z][a-z0-9-]{1,59}$/;

/**
 * Names the hub keeps for itself: `hub` owns the hub's own contracts (findings, responses), so a
 * member of that name could publish forged findings through the gateway; the others are the hub's
 * services, and `admin`, the broker's super user. A member id is also its Kafka principal.
 */
export const RESERVED_MEMBER_IDS = ['hub', 'gateway', 'registry', 'crosscheck', 'audit', 'admin'] as const;
/** The hub's services' Kafka principals are `hub-<service>`: no member may take that prefix. */
const RESERVED_PREFIX = 'hub-';

/** Why a member id cannot be registered, if it cannot. */
export function memberIdProblem(id: string): string | undefined {
  if (!MEMBER_ID.test(id)) return `member id "${id}" must be lower-case letters, digits and dashes (it names the department in contracts and topics)`;
  if ((RESERVED_MEMBER_IDS as readonly string[]).includes(id)) return `member id "${id}" is the hub's own (${RESERVED_MEMBER_IDS.join(', ')} are reserved)`;
  if (id.startsWith(RESERVED_PREFIX)) return `member id "${id}" begins with "${RESERVED_PREFIX}", which names the hub's own services' Kafka principals`;
  return undefined;
}
