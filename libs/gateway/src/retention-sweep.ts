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
    private readonly dataSource: DataSource,
    private readonly retention: GatewayRetention,
  ) {}

  async run(now: Date): Promise<SweepOutcome> {
    const rejectionsBefore = new Date(now.getTime() - this.retention.rejectionDays * DAY_MS);
    const identitiesBefore = new Date(now.getTime() - this.retention.identityVaultDays * DAY_MS);
    const recordKeysBefore = new Date(now.getTime() - this.retention.recordKeyDays * DAY_MS);
    const [, rejections] = await this.dataSource.query<[unknown, number]>('DELETE FROM gateway_rejection WHERE rejected_at < $1', [rejectionsBefore]);
    const [, identities] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM gateway_identity i WHERE i.updated_at < $1
         AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.state = 'open' AND f.finding ->> 'subject' = i.pseudonym)`,
      [identitiesBefore],
    );
    // Keys of persons the member has not named since (its last record is in gateway_subject_activity); keys of households, which it does not track, stay.
    const [, recordKeys] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM gateway_record_key k USING gateway_subject_activity a
       WHERE a.member_id = k.member_id AND a.subject = k.pseudonym AND a.last_recorded_at < $1
         AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.member_id = k.member_id AND f.state = 'open' AND f.finding ->> 'subject' = k.pseudonym)`,
      [recordKeysBefore],
    );
    return { rejections, identities, recordKeys };
  }
}
