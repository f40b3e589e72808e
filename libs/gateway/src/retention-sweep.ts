import type { DataSource } from 'typeorm';

/** How long the gateway keeps personal data it holds for a purpose, in days (issue 20). */
export interface GatewayRetention {
  /** A rejected record as sent (sealed): long enough for its member to fix and replay it. */
  rejectionDays: number;
  /**
   * A resident in the identity vault (sealed) not named again by any record for this long, and the
   * subject of no open finding, is forgotten; the next record naming them feeds the vault again.
   */
  identityVaultDays: number;
}

export const DEFAULT_GATEWAY_RETENTION: GatewayRetention = { rejectionDays: 180, identityVaultDays: 365 };

export interface SweepOutcome {
  rejections: number;
  identities: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes what the gateway no longer needs: rejected records older than their retention, and
 * vault entries past theirs that no open finding still needs (a reveal is only for open findings).
 * The audit store keeps its own, longer, record of what happened.
 */
export class RetentionSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: GatewayRetention,
  ) {}

  async run(now: Date): Promise<SweepOutcome> {
    const rejectionsBefore = new Date(now.getTime() - this.retention.rejectionDays * DAY_MS);
    const identitiesBefore = new Date(now.getTime() - this.retention.identityVaultDays * DAY_MS);
    const [, rejections] = (await this.dataSource.query('DELETE FROM gateway_rejection WHERE rejected_at < $1', [rejectionsBefore])) as [unknown, number];
    const [, identities] = (await this.dataSource.query(
      `DELETE FROM gateway_identity i WHERE i.updated_at < $1
         AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.state = 'open' AND f.finding ->> 'subject' = i.pseudonym)`,
      [identitiesBefore],
    )) as [unknown, number];
    return { rejections, identities };
  }
}
