import type { DataSource } from 'typeorm';
import type { Rejection } from '@hub/ingest';
import type { EnvelopeCipher } from '@hub/privacy';
import type { BatchOutcome, EarlierAcceptance, IngestChannel, IngestLedger, StoredRejection } from './ingest-ledger.repository.js';
import { storableRejection } from './storable-rejection.js';

const ACCEPTED_EARLIER = 'SELECT event_id, topic, accepted_at FROM gateway_ingest_result WHERE member_id = $1 AND event_id = ANY($2::varchar[])';

const RECORD_ACCEPTED = `
  INSERT INTO gateway_ingest_result (member_id, event_id, event_type, topic, accepted_at)
  SELECT $1, e, t, p, $5 FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS u (e, t, p) ON CONFLICT DO NOTHING`;

const RECORD_KEYS = `
  INSERT INTO gateway_record_key (member_id, pseudonym, field, sealed_original, original_pseudonym)
  SELECT DISTINCT ON (p, f) $1, p, f, o, op FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::varchar[]) AS t (p, f, o, op)
  ON CONFLICT (member_id, pseudonym, field) DO UPDATE SET sealed_original = EXCLUDED.sealed_original, original_pseudonym = EXCLUDED.original_pseudonym, original = NULL
  WHERE gateway_record_key.original_pseudonym IS DISTINCT FROM EXCLUDED.original_pseudonym`;

const RECORD_SUBJECTS = `
  INSERT INTO gateway_subject_activity (member_id, subject, records, first_recorded_at, last_recorded_at)
  SELECT $1, s, count(*), $3, $3 FROM unnest($2::varchar[]) AS u (s) GROUP BY s
  ON CONFLICT (member_id, subject) DO UPDATE SET records = gateway_subject_activity.records + EXCLUDED.records, last_recorded_at = EXCLUDED.last_recorded_at`;

const RECORD_IDENTITIES = `
  INSERT INTO gateway_identity (pseudonym, sealed_identity, identity_token, updated_at)
  SELECT DISTINCT ON (p) p, s, t, $4 FROM unnest($1::varchar[], $2::text[], $3::varchar[]) AS u (p, s, t)
  ON CONFLICT (pseudonym) DO UPDATE SET sealed_identity = EXCLUDED.sealed_identity, identity_token = EXCLUDED.identity_token, updated_at = EXCLUDED.updated_at
  WHERE gateway_identity.identity_token <> EXCLUDED.identity_token`;

const RECORD_REJECTIONS = `
  INSERT INTO gateway_rejection (member_id, channel, rejected_at, event_id, event_type, problems, sealed_record)
  SELECT $1, $2, $3, e, t, p, r FROM unnest($4::varchar[], $5::varchar[], $6::jsonb[], $7::text[]) WITH ORDINALITY AS u (e, t, p, r, n)
  ORDER BY n RETURNING rejection_id`;

const REJECTIONS = `
  SELECT * FROM gateway_rejection WHERE member_id = $1 AND rejection_id > $2 AND ($3::varchar IS NULL OR event_type = $3)
  ORDER BY rejection_id LIMIT $4`;

const REJECTION = 'SELECT * FROM gateway_rejection WHERE member_id = $1 AND rejection_id = $2';

const MARK_REPLAYED = 'UPDATE gateway_rejection SET replayed_at = now() WHERE rejection_id = $1';

const RECORD_KEYS_OF = 'SELECT pseudonym, field, original, sealed_original FROM gateway_record_key WHERE member_id = $1 AND pseudonym = ANY($2::varchar[])';

const REJECTIONS_TO_SEAL = 'SELECT * FROM gateway_rejection WHERE record IS NOT NULL OR sealed_record NOT LIKE $1 ORDER BY rejection_id LIMIT $2';

const SEAL_REJECTIONS = 'UPDATE gateway_rejection r SET sealed_record = u.s, record = NULL FROM unnest($1::bigint[], $2::text[]) AS u (id, s) WHERE r.rejection_id = u.id';

const RECORD_KEYS_TO_SEAL = 'SELECT member_id, pseudonym, field, original, sealed_original FROM gateway_record_key WHERE original IS NOT NULL OR sealed_original NOT LIKE $1 LIMIT $2';

const SEAL_RECORD_KEYS = `
  UPDATE gateway_record_key k SET sealed_original = u.s, original = NULL
  FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[]) AS u (m, p, f, s) WHERE k.member_id = u.m AND k.pseudonym = u.p AND k.field = u.f`;

interface RejectionRow {
  rejection_id: string;
  member_id: string;
  event_id: string | null;
  event_type: string | null;
  channel: IngestChannel;
  problems: Rejection[];
  /** In the clear only in rows an earlier version wrote, until they are sealed (sealLegacyRows). */
  record: unknown;
  sealed_record: string | null;
  rejected_at: Date;
  replayed_at: Date | null;
}

/** The associated data a member's sealed values are bound to: one member's row moved to another's does not open. */
const rejectionContext = (member: string) => `gateway_rejection:${member}`;
const recordKeyContext = (member: string) => `gateway_record_key:${member}`;
/** How many rows the sealing of legacy or older-key rows takes at once. */
const SEALING_BATCH = 500;

/**
 * The ingest ledger in the hub's PostgreSQL. Every write of a batch is one statement per table
 * inside one transaction, whatever the batch size; rejected records and record keys are sealed
 * (bound to their member) before they are written.
 */
export class PostgresIngestLedger implements IngestLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: EnvelopeCipher,
  ) {}

  private toStoredRejection(row: RejectionRow): StoredRejection {
    return {
      rejectionId: row.rejection_id,
      ...(row.event_id === null ? {} : { eventId: row.event_id }),
      ...(row.event_type === null ? {} : { eventType: row.event_type }),
      channel: row.channel,
      problems: row.problems,
      record: row.sealed_record === null ? row.record : JSON.parse(this.cipher.open(row.sealed_record, rejectionContext(row.member_id))),
      rejectedAt: row.rejected_at.toISOString(),
      replayedAt: row.replayed_at?.toISOString() ?? null,
    };
  }

  /** The ids among these that the member had accepted before, with what they became. */
  async acceptedEarlier(member: string, eventIds: readonly string[]): Promise<Map<string, EarlierAcceptance>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; topic: string; accepted_at: Date }[] = await this.dataSource.query(ACCEPTED_EARLIER, [member, eventIds]);
    return new Map(rows.map((row) => [row.event_id, { topic: row.topic, acceptedAt: row.accepted_at.toISOString() }]));
  }

  /**
   * Records a batch's outcome and publishes it: the writes first, then `publish` (the broker is
   * asked for the records, knowing the new rejections' ids), then the commit. A write that fails
   * publishes nothing, and a failed publish leaves no trace: a request answered with an error had
   * none of its records published. Rejected records and record keys are sealed before they are
   * written. Returns the new rejections' ids, in order.
   */
  async record(outcome: BatchOutcome, publish: (rejectionIds: readonly string[]) => Promise<void>): Promise<string[]> {
    const { member, channel, at, accepted, recordKeys, rejected, identities, subjects } = outcome;
    return this.dataSource.transaction(async (manager) => {
      if (accepted.length > 0) {
        await manager.query(RECORD_ACCEPTED, [member, accepted.map((a) => a.eventId), accepted.map((a) => a.eventType), accepted.map((a) => a.topic), at]);
      }
      if (recordKeys.length > 0) {
        await manager.query(RECORD_KEYS, [
          member,
          recordKeys.map((k) => k.pseudonym),
          recordKeys.map((k) => k.field),
          recordKeys.map((k) => this.cipher.seal(k.original, recordKeyContext(member))),
          recordKeys.map((k) => k.originalPseudonym),
        ]);
      }
      if (subjects.length > 0) {
        await manager.query(RECORD_SUBJECTS, [member, subjects, at]);
      }
      if (identities.length > 0) {
        await manager.query(RECORD_IDENTITIES, [identities.map((i) => i.pseudonym), identities.map((i) => i.sealedIdentity), identities.map((i) => i.token), at]);
      }
      if (rejected.length === 0) {
        await publish([]);
        return [];
      }
      const rows: { rejection_id: string }[] = await manager.query(RECORD_REJECTIONS, [
        member,
        channel,
        at,
        rejected.map((r) => r.eventId ?? null),
        rejected.map((r) => r.eventType ?? null),
        rejected.map((r) => JSON.stringify(storableRejection(r.problems))),
        rejected.map((r) => this.cipher.seal(JSON.stringify(storableRejection(r.record)), rejectionContext(member))),
      ]);
      const rejectionIds = rows.map((row) => row.rejection_id);
      await publish(rejectionIds);
      return rejectionIds;
    });
  }

  /** The member's rejected records, oldest first, after a cursor (a rejection id). */
  async rejections(member: string, filter: { after?: string; limit: number; eventType?: string }): Promise<StoredRejection[]> {
    const rows: RejectionRow[] = await this.dataSource.query(REJECTIONS, [member, filter.after ?? '0', filter.eventType ?? null, filter.limit]);
    return rows.map((row) => this.toStoredRejection(row));
  }

  async rejection(member: string, rejectionId: string): Promise<StoredRejection | undefined> {
    const rows: RejectionRow[] = await this.dataSource.query(REJECTION, [member, rejectionId]);
    return rows[0] && this.toStoredRejection(rows[0]);
  }

  async markReplayed(rejectionId: string): Promise<void> {
    await this.dataSource.query(MARK_REPLAYED, [rejectionId]);
  }

  /** The member's own record keys behind these pseudonyms: pseudonym → field → original (opened for the member alone). */
  async recordKeys(member: string, pseudonyms: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const rows: { pseudonym: string; field: string; original: string | null; sealed_original: string | null }[] = await this.dataSource.query(RECORD_KEYS_OF, [member, pseudonyms]);
    const keys = new Map<string, Record<string, string>>();
    for (const row of rows) {
      const original = row.sealed_original === null ? row.original! : this.cipher.open(row.sealed_original, recordKeyContext(member));
      keys.set(row.pseudonym, { ...keys.get(row.pseudonym), [row.field]: original });
    }
    return keys;
  }

  /**
   * Seals what an earlier version kept in the clear, and seals again what an older envelope key
   * sealed, a batch at a time; returns how many rows it sealed. The gateway runs it at start.
   */
  async sealLegacyRows(): Promise<{ rejections: number; recordKeys: number }> {
    const current = `e${this.cipher.currentVersion}.%`;
    let rejections = 0;
    let recordKeys = 0;
    for (;;) {
      const rows: RejectionRow[] = await this.dataSource.query(REJECTIONS_TO_SEAL, [current, SEALING_BATCH]);
      if (rows.length === 0) break;
      const sealed = rows.map((row) => this.cipher.seal(JSON.stringify(this.toStoredRejection(row).record), rejectionContext(row.member_id)));
      await this.dataSource.query(SEAL_REJECTIONS, [rows.map((row) => row.rejection_id), sealed]);
      rejections += rows.length;
    }
    for (;;) {
      const rows: { member_id: string; pseudonym: string; field: string; original: string | null; sealed_original: string | null }[] = await this.dataSource.query(RECORD_KEYS_TO_SEAL, [
        current,
        SEALING_BATCH,
      ]);
      if (rows.length === 0) break;
      const originals = rows.map((row) => (row.sealed_original === null ? row.original! : this.cipher.open(row.sealed_original, recordKeyContext(row.member_id))));
      await this.dataSource.query(SEAL_RECORD_KEYS, [
        rows.map((r) => r.member_id),
        rows.map((r) => r.pseudonym),
        rows.map((r) => r.field),
        rows.map((row, i) => this.cipher.seal(originals[i], recordKeyContext(row.member_id))),
      ]);
      recordKeys += rows.length;
    }
    return { rejections, recordKeys };
  }
}
