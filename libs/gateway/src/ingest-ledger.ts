import type { DataSource } from 'typeorm';
import type { Rejection } from '@hub/ingest';
import { storableRejection } from './storable-rejection.js';

export type IngestChannel = 'http' | 'kafka';

export interface AcceptedEntry {
  eventId: string;
  eventType: string;
  topic: string;
}

/** A department's own identifier behind a pseudonym, so what is routed back reaches it in its own keys. */
export interface RecordKeyEntry {
  pseudonym: string;
  field: string;
  original: string;
}

export interface RejectionEntry {
  eventId?: string;
  eventType?: string;
  problems: Rejection[];
  /** The record as submitted; kept by the gateway alone, so it can be listed (masked) and replayed. */
  record: unknown;
}

/** What became of one submission: what the ledger records for it. */
export interface BatchOutcome {
  member: string;
  channel: IngestChannel;
  at: Date;
  accepted: readonly AcceptedEntry[];
  recordKeys: readonly RecordKeyEntry[];
  rejected: readonly RejectionEntry[];
}

export interface StoredRejection extends RejectionEntry {
  rejectionId: string;
  channel: IngestChannel;
  rejectedAt: string;
  replayedAt: string | null;
}

export interface EarlierAcceptance {
  topic: string;
  acceptedAt: string;
}

interface RejectionRow {
  rejection_id: string;
  event_id: string | null;
  event_type: string | null;
  channel: IngestChannel;
  problems: Rejection[];
  record: unknown;
  rejected_at: Date;
  replayed_at: Date | null;
}

const toStoredRejection = (row: RejectionRow): StoredRejection => ({
  rejectionId: row.rejection_id,
  ...(row.event_id === null ? {} : { eventId: row.event_id }),
  ...(row.event_type === null ? {} : { eventType: row.event_type }),
  channel: row.channel,
  problems: row.problems,
  record: row.record,
  rejectedAt: row.rejected_at.toISOString(),
  replayedAt: row.replayed_at?.toISOString() ?? null,
});

/**
 * What became of each member's records, in PostgreSQL: accepted ids (the idempotency ledger),
 * rejected records with their problems, and the record keys behind pseudonyms. Every write of a
 * batch is one statement per table inside one transaction, whatever the batch size.
 */
export class IngestLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids among these that the member had accepted before, with what they became. */
  async acceptedEarlier(member: string, eventIds: readonly string[]): Promise<Map<string, EarlierAcceptance>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; topic: string; accepted_at: Date }[] = await this.dataSource.query(
      'SELECT event_id, topic, accepted_at FROM gateway_ingest_result WHERE member_id = $1 AND event_id = ANY($2::varchar[])',
      [member, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, { topic: row.topic, acceptedAt: row.accepted_at.toISOString() }]));
  }

  /**
   * Records a batch's outcome and publishes it: the writes first, then `publish` (the broker is
   * asked for the records), then the commit. A write that fails publishes nothing, and a failed
   * publish leaves no trace: a request answered with an error had none of its records published.
   * Returns the new rejections' ids, in order.
   */
  async record(outcome: BatchOutcome, publish: () => Promise<void>): Promise<string[]> {
    const { member, channel, at, accepted, recordKeys, rejected } = outcome;
    return this.dataSource.transaction(async (manager) => {
      if (accepted.length > 0) {
        await manager.query(
          `INSERT INTO gateway_ingest_result (member_id, event_id, event_type, topic, accepted_at)
           SELECT $1, e, t, p, $5 FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS u (e, t, p) ON CONFLICT DO NOTHING`,
          [member, accepted.map((a) => a.eventId), accepted.map((a) => a.eventType), accepted.map((a) => a.topic), at],
        );
      }
      if (recordKeys.length > 0) {
        await manager.query(
          `INSERT INTO gateway_record_key (member_id, pseudonym, field, original)
           SELECT DISTINCT ON (p, f) $1, p, f, o FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS t (p, f, o)
           ON CONFLICT (member_id, pseudonym, field) DO UPDATE SET original = EXCLUDED.original
           WHERE gateway_record_key.original <> EXCLUDED.original`,
          [member, recordKeys.map((k) => k.pseudonym), recordKeys.map((k) => k.field), recordKeys.map((k) => k.original)],
        );
      }
      if (rejected.length === 0) {
        await publish();
        return [];
      }
      const rows: { rejection_id: string }[] = await manager.query(
        `INSERT INTO gateway_rejection (member_id, channel, rejected_at, event_id, event_type, problems, record)
         SELECT $1, $2, $3, e, t, p, r FROM unnest($4::varchar[], $5::varchar[], $6::jsonb[], $7::jsonb[]) WITH ORDINALITY AS u (e, t, p, r, n)
         ORDER BY n RETURNING rejection_id`,
        [
          member,
          channel,
          at,
          rejected.map((r) => r.eventId ?? null),
          rejected.map((r) => r.eventType ?? null),
          rejected.map((r) => JSON.stringify(storableRejection(r.problems))),
          rejected.map((r) => JSON.stringify(storableRejection(r.record))),
        ],
      );
      await publish();
      return rows.map((row) => row.rejection_id);
    });
  }

  /** The member's rejected records, oldest first, after a cursor (a rejection id). */
  async rejections(member: string, filter: { after?: string; limit: number; eventType?: string }): Promise<StoredRejection[]> {
    const rows: RejectionRow[] = await this.dataSource.query(
      `SELECT * FROM gateway_rejection WHERE member_id = $1 AND rejection_id > $2 AND ($3::varchar IS NULL OR event_type = $3)
       ORDER BY rejection_id LIMIT $4`,
      [member, filter.after ?? '0', filter.eventType ?? null, filter.limit],
    );
    return rows.map(toStoredRejection);
  }

  async rejection(member: string, rejectionId: string): Promise<StoredRejection | undefined> {
    const rows: RejectionRow[] = await this.dataSource.query('SELECT * FROM gateway_rejection WHERE member_id = $1 AND rejection_id = $2', [member, rejectionId]);
    return rows[0] && toStoredRejection(rows[0]);
  }

  async markReplayed(rejectionId: string): Promise<void> {
    await this.dataSource.query('UPDATE gateway_rejection SET replayed_at = now() WHERE rejection_id = $1', [rejectionId]);
  }

  /** The member's own record keys behind these pseudonyms: pseudonym → field → original. */
  async recordKeys(member: string, pseudonyms: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const rows: { pseudonym: string; field: string; original: string }[] = await this.dataSource.query(
      'SELECT pseudonym, field, original FROM gateway_record_key WHERE member_id = $1 AND pseudonym = ANY($2::varchar[])',
      [member, pseudonyms],
    );
    const keys = new Map<string, Record<string, string>>();
    for (const row of rows) keys.set(row.pseudonym, { ...keys.get(row.pseudonym), [row.field]: row.original });
    return keys;
  }
}
