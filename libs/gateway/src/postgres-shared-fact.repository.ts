import type { DataSource } from 'typeorm';
import type { SharedFact } from '@hub/access';
import type { FactSource, UnjustifiedFactRead } from './delivered-fact.js';
import type { KeptFact, SharedFactRepository } from './shared-fact.repository.js';

const KEEP = `
  INSERT INTO gateway_fact (event_type, event_id, source, occurred_at, subject, fields)
  SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::jsonb[]) ON CONFLICT DO NOTHING`;

/** A member knows a person when it holds record keys of them (it has published a record naming them). */
const KNOWN_TO = `
  SELECT f.* FROM gateway_fact f
   WHERE f.sequence > $2 AND f.event_type = ANY($3::varchar[])
     AND EXISTS (SELECT 1 FROM gateway_record_key k WHERE k.member_id = $1 AND k.pseudonym = f.subject)
   ORDER BY f.sequence LIMIT $4`;

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
  sequence: string;
  event_type: string;
  event_id: string;
  source: string;
  subject: string;
  fields: Record<string, unknown>;
  occurred_at: Date;
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

  async keep(facts: readonly { source: FactSource; fact: SharedFact }[]): Promise<void> {
    if (facts.length === 0) return;
    await this.dataSource.query(KEEP, [
      facts.map((r) => r.source.eventType),
      facts.map((r) => r.source.eventId),
      facts.map((r) => r.source.source),
      facts.map((r) => r.source.occurredAt),
      facts.map((r) => r.fact.subject),
      facts.map((r) => JSON.stringify(r.fact.fields)),
    ]);
  }

  async knownTo(member: string, eventTypes: readonly string[], filter: { after?: string; limit: number }): Promise<KeptFact[]> {
    const rows: FactRow[] = await this.dataSource.query(KNOWN_TO, [member, filter.after ?? '0', eventTypes, filter.limit]);
    return rows.map((row) => ({
      sequence: row.sequence,
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
