/** How many records one member had rejected of one event type, as the operators see them: counts, never the records. */
export interface RejectionTally {
  member: string;
  /** Empty where the record named no type the gateway could read. */
  eventType: string;
  rejected: number;
  awaitingReplay: number;
  latest: string;
}

export const REJECTION_TALLY_REPOSITORY = Symbol('RejectionTallyRepository');

/** The tally of rejected records per member and type (a PostgreSQL view over the sealed rejections). */
export interface RejectionTallyRepository {
  tally(): Promise<RejectionTally[]>;
}
