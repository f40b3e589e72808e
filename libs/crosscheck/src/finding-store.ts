import type { EntityManager } from 'typeorm';
import type { Finding, FindingChange } from '@hub/precise-aid';

/** A finding change waiting in the outbox, with its place in it (which also makes its event id). */
export interface OutboxEntry {
  sequence: string;
  change: FindingChange['change'];
  finding: Finding;
  occurredAt: string;
}

/**
 * The findings and their current state, and the outbox of changes to publish: both written in the
 * transaction that stored the facts, so a change is published if and only if it happened.
 */
export class FindingStore {
  async openFindings(manager: EntityManager, subjects: readonly string[]): Promise<Finding[]> {
    if (subjects.length === 0) return [];
    const rows: { finding: Finding }[] = await manager.query(`SELECT finding FROM crosscheck_finding WHERE subject = ANY($1::varchar[]) AND state = 'open'`, [subjects]);
    return rows.map((row) => row.finding);
  }

  async apply(manager: EntityManager, changes: readonly FindingChange[], at: Date): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO crosscheck_finding (finding_id, subject, rule, state, finding, changed_at)
       SELECT id, s, r, st, f, $6 FROM unnest($1::char(64)[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[]) AS u (id, s, r, st, f)
       ON CONFLICT (finding_id) DO UPDATE SET state = EXCLUDED.state, finding = EXCLUDED.finding, changed_at = EXCLUDED.changed_at`,
      [
        changes.map((c) => c.finding.findingId),
        changes.map((c) => c.finding.subject),
        changes.map((c) => c.finding.rule),
        changes.map((c) => (c.change === 'closed' ? 'closed' : 'open')),
        changes.map((c) => JSON.stringify(c.finding)),
        at,
      ],
    );
    await manager.query(
      `INSERT INTO crosscheck_outbox (finding_id, change, event)
       SELECT id, c, e FROM unnest($1::char(64)[], $2::varchar[], $3::jsonb[]) WITH ORDINALITY AS u (id, c, e, n) ORDER BY n`,
      [changes.map((c) => c.finding.findingId), changes.map((c) => c.change), changes.map((c) => JSON.stringify({ finding: c.finding, occurredAt: at.toISOString() }))],
    );
  }

  async unpublished(manager: EntityManager, limit: number): Promise<OutboxEntry[]> {
    const rows: { sequence: string; change: FindingChange['change']; event: { finding: Finding; occurredAt: string } }[] = await manager.query(
      'SELECT sequence, change, event FROM crosscheck_outbox WHERE published_at IS NULL ORDER BY sequence LIMIT $1',
      [limit],
    );
    return rows.map((row) => ({ sequence: row.sequence, change: row.change, finding: row.event.finding, occurredAt: row.event.occurredAt }));
  }

  async markPublished(manager: EntityManager, sequences: readonly string[]): Promise<void> {
    await manager.query('UPDATE crosscheck_outbox SET published_at = now() WHERE sequence = ANY($1::bigint[])', [sequences]);
  }
}
