import type { DataSource } from 'typeorm';
import { projectFact, type SharedFact, type SharingRule } from '@hub/access';
import type { IngestLedger } from './ingest-ledger.js';

/** The event a fact comes from. */
export interface FactSource {
  eventType: string;
  eventId: string;
  source: string;
  occurredAt: string;
}

/** A fact as a member reads it: about a person it knows, in its own record keys, with the fields its rule grants. */
export interface DeliveredFact {
  sequence: string;
  eventType: string;
  eventId: string;
  source: string;
  occurredAt: string;
  /** The member's own identifiers of the person (学籍号, certificate number, ...). */
  recordKeys: Record<string, string>;
  fields: Record<string, unknown>;
  purpose: string;
}

/**
 * A person whose facts a member read with nothing to justify it (issue 20): no finding about them
 * routed to the member, and no record of them from the member beyond the one that let it read.
 */
export interface UnjustifiedFactRead {
  member: string;
  /** The person's pseudonym. */
  subject: string;
  firstReadAt: string;
  lastReadAt: string;
  factsServed: number;
  /** How many accepted records of the member named the person (0 or 1). */
  records: number;
}

interface FactRow {
  sequence: string;
  event_type: string;
  event_id: string;
  source: string;
  subject: string;
  fields: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * The shared facts, kept once per event and person; a member reads those about the persons it has
 * published records of (it has record keys for them), projected by its sharing rule for the event
 * type at the time it reads. Nobody learns of a person through a fact who did not know of them.
 */
export class SharedFacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: IngestLedger,
  ) {}

  /** Keeps events' facts, in one statement however many; an event kept before adds nothing. */
  async record(events: readonly { source: FactSource; facts: readonly SharedFact[] }[]): Promise<void> {
    const rows = events.flatMap(({ source, facts }) => facts.map((fact) => ({ source, fact })));
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO gateway_fact (event_type, event_id, source, occurred_at, subject, fields)
       SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[], $6::jsonb[]) ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.source.eventType),
        rows.map((r) => r.source.eventId),
        rows.map((r) => r.source.source),
        rows.map((r) => r.source.occurredAt),
        rows.map((r) => r.fact.subject),
        rows.map((r) => JSON.stringify(r.fact.fields)),
      ],
    );
  }

  /** The facts a member may read, in arrival order after a cursor, of the event types its rules name (or one of them). */
  async list(member: string, rules: ReadonlyMap<string, SharingRule>, filter: { after?: string; limit: number }): Promise<DeliveredFact[]> {
    if (rules.size === 0) return [];
    const rows: FactRow[] = await this.dataSource.query(
      `SELECT f.* FROM gateway_fact f
       WHERE f.sequence > $2 AND f.event_type = ANY($3::varchar[])
         AND EXISTS (SELECT 1 FROM gateway_record_key k WHERE k.member_id = $1 AND k.pseudonym = f.subject)
       ORDER BY f.sequence LIMIT $4`,
      [member, filter.after ?? '0', [...rules.keys()], filter.limit],
    );
    const keys = await this.ledger.recordKeys(member, [...new Set(rows.map((row) => row.subject))]);
    await this.noteReads(
      member,
      rows.map((row) => row.subject),
    );
    return rows.map((row) => {
      const rule = rules.get(row.event_type)!;
      return {
        sequence: row.sequence,
        eventType: row.event_type,
        eventId: row.event_id,
        source: row.source,
        occurredAt: row.occurred_at.toISOString(),
        recordKeys: keys.get(row.subject) ?? {},
        fields: projectFact(row.fields, rule.fields),
        purpose: rule.purpose,
      };
    });
  }

  /** Whose facts the member was served, for the auditors' list of look-ups (unjustifiedReads). */
  private async noteReads(member: string, subjects: readonly string[]): Promise<void> {
    if (subjects.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO gateway_fact_read (member_id, subject, first_read_at, last_read_at, facts_served)
       SELECT $1, s, now(), now(), count(*) FROM unnest($2::varchar[]) AS u (s) GROUP BY s
       ON CONFLICT (member_id, subject) DO UPDATE SET last_read_at = now(), facts_served = gateway_fact_read.facts_served + EXCLUDED.facts_served`,
      [member, subjects],
    );
  }

  /**
   * The persons whose facts a member (or every member) read with no finding about them routed to
   * it and at most one accepted record of them from it: the trace of a look-up through a made-up
   * record. Ordered by member and first read, after a cursor (`<member>/<subject>`).
   */
  async unjustifiedReads(member: string | undefined, filter: { after?: string; limit: number }): Promise<UnjustifiedFactRead[]> {
    const rows: { member_id: string; subject: string; first_read_at: Date; last_read_at: Date; facts_served: number; records: number }[] = await this.dataSource.query(
      `SELECT r.member_id, r.subject, r.first_read_at, r.last_read_at, r.facts_served, COALESCE(a.records, 0)::int AS records
       FROM gateway_fact_read r LEFT JOIN gateway_subject_activity a ON a.member_id = r.member_id AND a.subject = r.subject
       WHERE ($1::varchar IS NULL OR r.member_id = $1) AND r.member_id || '/' || r.subject > $2
         AND COALESCE(a.records, 0) <= 1
         AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.member_id = r.member_id AND f.finding ->> 'subject' = r.subject)
       ORDER BY r.member_id || '/' || r.subject LIMIT $3`,
      [member ?? null, filter.after ?? '', filter.limit],
    );
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
