/**
 * Where the gateway's personal data with a retention is kept (rejected records, the identity
 * vault, members' record keys), as the retention sweep needs it: each call deletes what is past
 * its day and still not needed, and says how many rows went. The port of `RetentionSweep`; the
 * PostgreSQL adapter is `PostgresRetentionRepository`.
 */
export interface RetentionRepository {
  /** Rejected records (sealed, as sent) rejected before the day. */
  deleteRejectionsBefore(day: Date): Promise<number>;
  /** Vault entries last fed before the day whose person is the subject of no open finding (a reveal is only for open findings). */
  deleteIdentitiesBefore(day: Date): Promise<number>;
  /** A member's record keys of persons it last named before the day and has no open finding about; keys of households, which it does not track, stay. The facts about the person it could read go with them. */
  deleteRecordKeysBefore(day: Date): Promise<number>;
}

export const RETENTION_REPOSITORY = Symbol('RetentionRepository');
