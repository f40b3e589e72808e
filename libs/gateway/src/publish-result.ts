import type { Rejection } from '@hub/ingest';

/** Why a record was refused: unreadable, not a known event type, another department's type, or against its contract. */
export type RejectionCode = 'unreadable' | 'unknown-type' | 'forbidden' | 'invalid';

/** What became of one record of a submission, in the order submitted. */
export type RecordResult =
  | { index: number; id: string; status: 'accepted'; topic: string; acceptedAt: string; duplicate: boolean }
  | { index: number; id?: string; status: 'rejected'; code: RejectionCode; errors: Rejection[]; rejectionId: string };

export interface PublishOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Every record was another department's event type: the request as a whole is forbidden (403). */
  allForbidden: boolean;
  results: RecordResult[];
}
