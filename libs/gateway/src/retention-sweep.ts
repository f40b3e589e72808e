import type { RetentionRepository } from './retention.repository.js';

/** How long the gateway keeps personal data it holds for a purpose, in days (issue 20). */
export interface GatewayRetention {
  /** A rejected record as sent (sealed): long enough for its member to fix and replay it. */
  rejectionDays: number;
  /**
   * A resident in the identity vault (sealed) not named again by any record for this long, and the
   * subject of no open finding, is forgotten; the next record naming them feeds the vault again.
   */
  identityVaultDays: number;
  /**
   * A member's own identifiers of a person (学籍号, certificate numbers; sealed) after the member's
   * last record naming the person, unless a finding about the person routed to it is open.
   */
  recordKeyDays: number;
}

export const DEFAULT_GATEWAY_RETENTION: GatewayRetention = { rejectionDays: 180, identityVaultDays: 365, recordKeyDays: 730 };

export interface SweepOutcome {
  rejections: number;
  identities: number;
  recordKeys: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes what the gateway no longer needs: rejected records older than their retention, vault
 * entries past theirs that no open finding still needs (a reveal is only for open findings), and
 * a member's record keys of persons it has not named for long and has no open finding about.
 * The audit store keeps its own, longer, record of what happened.
 */
export class RetentionSweep {
  constructor(
    private readonly repository: RetentionRepository,
    private readonly retention: GatewayRetention,
  ) {}

  async run(now: Date): Promise<SweepOutcome> {
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    return {
      rejections: await this.repository.deleteRejectionsBefore(before(this.retention.rejectionDays)),
      identities: await this.repository.deleteIdentitiesBefore(before(this.retention.identityVaultDays)),
      recordKeys: await this.repository.deleteRecordKeysBefore(before(this.retention.recordKeyDays)),
    };
  }
}
