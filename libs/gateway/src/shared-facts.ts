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
}
