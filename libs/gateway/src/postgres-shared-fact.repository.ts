import type { DataSource } from 'typeorm';
import type { SharedFact } from '@hub/access';
import type { FactSource, UnjustifiedFactRead } from './delivered-fact.js';
import type { KeptFact, SharedFactRepository } from './shared-fact.repository.js';

/** Keeps the facts; gives back the rows it added (a fact kept before adds none). */
const KEEP = `
  INSERT INTO gateway_fact (event_type, event_id, source, occurred_at, subject, fields)
  SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::jsonb[]) ON CONFLICT DO NOTHING
  RETURNING sequence, event_type, event_id, source, subject`;

/*
 * The statements below look a row up by index for each fact or person they are given: each lookup
 * is a LATERAL subquery with LIMIT, OFFSET or DISTINCT, which PostgreSQL runs per row and does not
 * fold into a join. Folded, a plan made on stale statistics (a table growing fast before autovacuum
 * analyses it) scanned whole tables for every batch and held the gateway's consumer up for minutes.
 */

/** The facts of a batch kept before (a redelivery), by their event and person. */
const KEPT_BEFORE = `
  SELECT f.sequence, f.event_type, f.event_id, f.source, f.subject
    FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) AS u (t, s, e, p)
   CROSS JOIN LATERAL (SELECT * FROM gateway_fact f WHERE f.event_type = u.t AND f.source = u.s AND f.event_id = u.e AND f.subject = u.p LIMIT 1) AS f`;

/** The kept facts become readable by every member that knows their person (holds a record key of them). */
const SHOW_KEPT = `
  INSERT INTO gateway_member_fact (member_id, fact_sequence, event_type)
  SELECT k.member_id, u.sequence, u.event_type
    FROM unnest($1::bigint[], $2::varchar[], $3::varchar[]) AS u (sequence, event_type, subject)
   CROSS JOIN LATERAL (SELECT DISTINCT member_id FROM gateway_record_key k WHERE k.pseudonym = u.subject) AS k
   ORDER BY k.member_id, u.sequence
  ON CONFLICT DO NOTHING`;

/** The facts kept about persons the member has come to know become its to read. */
const SHOW_KNOWN = `
  INSERT INTO gateway_member_fact (member_id, fact_sequence, event_type)
  SELECT $1, f.sequence, f.event_type
    FROM unnest($2::varchar[]) AS u (p)
   CROSS JOIN LATERAL (SELECT sequence, event_type FROM gateway_fact f WHERE f.subject = u.p OFFSET 0) AS f
   ORDER BY f.sequence
  ON CONFLICT DO NOTHING`;

/**
 * A member's facts, from its projection, in the order they became its to read. A member knows a
 * person while it holds record keys of them (it has published a record naming them): a row whose
 * keys are gone since is not served.
 */
const KNOWN_TO = `
  SELECT m.sequence AS cursor, f.* FROM gateway_member_fact m JOIN gateway_fact f ON f.sequence = m.fact_sequence
   WHERE m.member_id = $1 AND m.sequence > $2 AND m.event_type = ANY($3::varchar[])
     AND EXISTS (SELECT 1 FROM gateway_record_key k WHERE k.member_id = $1 AND k.pseudonym = f.subject)
   ORDER BY m.sequence LIMIT $4`;

const NOTE_READS = `
  INSERT INTO gateway_fact_read (member_id, subject, first_read_at, last_read_at, facts_served)
  SELECT $1, s, now(), now(), count(*) FROM unnest($2::varchar[]) AS u (s) GROUP BY s
  ON CONFLICT (member_id, subject) DO UPDATE SET last_read_at = now(), facts_served = gateway_fact_read.facts_served + EXCLUDED.facts_served`;

const UNJUSTIFIED_READS = `
  SELECT r.member_id, r.subject, r.first_read_at, r.last_read_at, r.facts_served, COALESCE(a.records, 0)::int AS records
    FROM gateway_fact_read r LEFT JOIN gateway_subject_activity a ON a.member_id = r.member_id AND a.subject = r.subject
   WHERE ($1::varchar IS NULL OR r.member_id = $1) AND r.member_id || '/' || r.subject > $2
     AND COALESCE(a.records, 0) <= 1
     AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.member_id = r.member_id AND f.finding ->> 'subject' = r.subject)
   ORDER BY r.member_id || '/' || r.subject LIMIT $3`;

interface FactRow {
  cursor: string;
  event_type: string;
  event_id: string;
  source: string;
  subject: string;
  fields: Record<string, unknown>;
  occurred_at: Date;
}

interface KeptRow {
  sequence: string;
  event_type: string;
  event_id: string;
  source: string;
  subject: string;
}

interface FactReadRow {
  member_id: string;
  subject: string;
  first_read_at: Date;
  last_read_at: Date;
  facts_served: number;
  records: number;
}

/** The shared facts and their reads in the hub's PostgreSQL (gateway_fact, gateway_fact_read). */
export class PostgresSharedFactRepository implements SharedFactRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The facts are written and committed first, and then shown to the members that know their
   * persons, in a statement of its own; `knownBy` does the same the other way round (keys committed,
   * then facts looked up). Whichever of the two commits last sees the other's rows, so a fact and a
   * record key written at the same moment by two processes cannot miss each other. Keeping a batch
   * again (a redelivery) shows it again, and adds nothing that was there.
   */
  async keep(facts: readonly { source: FactSource; fact: SharedFact }[]): Promise<void> {
    if (facts.length === 0) return;
    const eventTypes = facts.map((r) => r.source.eventType);
    const sources = facts.map((r) => r.source.source);
    const eventIds = facts.map((r) => r.source.eventId);
    const subjects = facts.map((r) => r.fact.subject);
    const added: KeptRow[] = await this.dataSource.query(KEEP, [eventTypes, eventIds, sources, facts.map((r) => r.source.occurredAt), subjects, facts.map((r) => JSON.stringify(r.fact.fields))]);
    const keyOf = (type: string, source: string, eventId: string, subject: string) => JSON.stringify([type, source, eventId, subject]);
    const addedKeys = new Set(added.map((row) => keyOf(row.event_type, row.source, row.event_id, row.subject)));
    const before = facts.filter((r) => !addedKeys.has(keyOf(r.source.eventType, r.source.source, r.source.eventId, r.fact.subject)));
    const keptBefore: KeptRow[] =
      before.length === 0
        ? []
        : await this.dataSource.query(KEPT_BEFORE, [before.map((r) => r.source.eventType), before.map((r) => r.source.source), before.map((r) => r.source.eventId), before.map((r) => r.fact.subject)]);
    const kept = [...added, ...keptBefore];
    await this.dataSource.query(SHOW_KEPT, [kept.map((row) => row.sequence), kept.map((row) => row.event_type), kept.map((row) => row.subject)]);
  }

  async knownBy(member: string, subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    await this.dataSource.query(SHOW_KNOWN, [member, subjects]);
  }

  async knownTo(member: string, eventTypes: readonly string[], filter: { after?: string; limit: number }): Promise<KeptFact[]> {
    const rows: FactRow[] = await this.dataSource.query(KNOWN_TO, [member, filter.after ?? '0', eventTypes, filter.limit]);
    return rows.map((row) => ({
      sequence: row.cursor,
      eventType: row.event_type,
      eventId: row.event_id,
      source: row.source,
      occurredAt: row.occurred_at.toISOString(),
      subject: row.subject,
      fields: row.fields,
    }));
  }

  async noteReads(member: string, subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    await this.dataSource.query(NOTE_READS, [member, subjects]);
  }

  async unjustifiedReads(member: string | undefined, filter: { after?: string; limit: number }): Promise<UnjustifiedFactRead[]> {
    const rows: FactReadRow[] = await this.dataSource.query(UNJUSTIFIED_READS, [member ?? null, filter.after ?? '', filter.limit]);
    return rows.map((row) => ({
      member: row.member_id,
      subject: row.subject,
      firstReadAt: row.first_read_at.toISOString(),
      lastReadAt: row.last_read_at.toISOString(),
      factsServed: row.facts_served,
      records: row.records,
    }));
  }
}
