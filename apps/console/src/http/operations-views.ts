import type { ApiKeyInfo, Member } from '@hub/members';

/** One service as the operations page shows it. */
export interface ServiceHealth {
  service: string;
  url: string;
  status: 'up' | 'down' | 'unreachable';
  /** What its /health/ready answered (Terminus: each indicator's status), or why it could not be asked. */
  detail: unknown;
}

/** A consumer group's lag on one partition, as the service running it reports it. */
export interface ConsumerLag {
  service: string;
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

/** A member and its API keys, as operators see them (no secret). */
export type MemberWithKeys = Member & { keys: ApiKeyInfo[] };
