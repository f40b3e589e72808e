import { currentTraceparent } from '@hub/tracing';
import type { EntityManager } from 'typeorm';
import type { Finding, FindingChange } from '@hub/precise-aid';

/** A department's response to a finding as the hub recorded it (hub.finding-response.recorded.v1), as the finding carries it. */
export interface RecordedResponse {
  eventId: string;
  findingId: string;
  department: string;
  response: 'acknowledged' | 'resolved' | 'disputed';
  reason?: string;
  respondedAt: string;
}

/** A finding change waiting in the outbox, with its place in it (which also makes its event id), and the responses so far. */
export interface OutboxEntry {
  sequence: string;
  change: FindingChange['change'];
  finding: Finding;
  occurredAt: string;
  /** The day the rules judged the change as of; absent when the finding is announced again for a response. */
  evaluationDate?: string;
  responses: RecordedResponse[];
  /** The trace of the batch that made the change (W3C `traceparent`), when tracing was on: its announcement continues it. */
  traceparent?: string;
}

const eventOf = (finding: Finding, at: Date, evaluationDate?: string) => {
  const traceparent = currentTraceparent();
  return JSON.stringify({ finding, occurredAt: at.toISOString(), ...(evaluationDate ? { evaluationDate } : {}), ...(traceparent ? { traceparent } : {}) });
};

/**
 * The findings and their current state, and the outbox of changes to publish: both written in the
 * transaction that stored the facts, so a change is published if and only if it happened.
 *
 * A raise waits `settleMs` in the outbox before it may be published. Events of one subject arrive
 * on several topics, so a bulk load can raise a finding that the next batch closes (aid read before
 * the status it needs); while its raise is unpublished, a close withdraws it and an update rewrites
 * it, so departments see neither the flap nor a trail of updates.
 */
export class FindingStore {
  constructor(private readonly settleMs: number) {}

  async openFindings(manager: EntityManager, subjects: readonly string[]): Promise<Finding[]> {
    if (subjects.length === 0) return [];
    const rows: { finding: Finding }[] = await manager.query(`SELECT finding FROM crosscheck_finding WHERE subject = ANY($1::varchar[]) AND state = 'open'`, [subjects]);
    return rows.map((row) => row.finding);
  }

  async apply(manager: EntityManager, changes: readonly FindingChange[], at: Date, evaluationDate: string): Promise<void> {
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
    const pendingRaises = new Set(
      // FOR UPDATE: a raise the publisher is sending right now is waited for and then counts as announced, so its close is announced too.
      (
        await manager.query<{ finding_id: string }[]>(`SELECT finding_id FROM crosscheck_outbox WHERE finding_id = ANY($1::char(64)[]) AND change = 'raised' AND published_at IS NULL FOR UPDATE`, [
          changes.map((c) => c.finding.findingId),
        ])
      ).map((row) => row.finding_id),
    );
    const withdrawn = changes.filter((c) => c.change === 'closed' && pendingRaises.has(c.finding.findingId)).map((c) => c.finding.findingId);
    if (withdrawn.length > 0) await manager.query('DELETE FROM crosscheck_outbox WHERE finding_id = ANY($1::char(64)[]) AND published_at IS NULL', [withdrawn]);
    const rewritten = changes.filter((c) => c.change === 'updated' && pendingRaises.has(c.finding.findingId));
    if (rewritten.length > 0) {
      await manager.query(
        `UPDATE crosscheck_outbox o SET event = u.e FROM unnest($1::char(64)[], $2::jsonb[]) AS u (id, e)
         WHERE o.finding_id = u.id AND o.change = 'raised' AND o.published_at IS NULL`,
        [rewritten.map((c) => c.finding.findingId), rewritten.map((c) => eventOf(c.finding, at, evaluationDate))],
      );
    }
    const outgoing = changes.filter((c) => !pendingRaises.has(c.finding.findingId));
    if (outgoing.length === 0) return;
    await manager.query(
      `INSERT INTO crosscheck_outbox (finding_id, change, event, not_before)
       SELECT id, c, e, nb FROM unnest($1::char(64)[], $2::varchar[], $3::jsonb[], $4::timestamptz[]) WITH ORDINALITY AS u (id, c, e, nb, n) ORDER BY n`,
      [
        outgoing.map((c) => c.finding.findingId),
        outgoing.map((c) => c.change),
        outgoing.map((c) => eventOf(c.finding, at, evaluationDate)),
        outgoing.map((c) => new Date(at.getTime() + (c.change === 'raised' ? this.settleMs : 0))),
      ],
    );
  }

  /**
   * Records responses to findings, each once, from the department the finding is routed to (others
   * are ignored: the gateway lets a department respond only to its own findings); each recorded
   * response announces the finding again with its responses, in the state it is in (a response that
   * arrives after the finding closed, say after the aid it asked for, must not show it open again).
   */
  async recordResponses(manager: EntityManager, responses: readonly RecordedResponse[], at: Date): Promise<number> {
    let recorded = 0;
    for (const response of responses) {
      const [rows]: [{ finding: Finding; state: 'open' | 'closed' }[], number] = await manager.query(
        `UPDATE crosscheck_finding SET responses = responses || $2::jsonb
         WHERE finding_id = $1 AND finding ->> 'routedTo' = $3 AND NOT responses @> $4::jsonb
         RETURNING finding, state`,
        [response.findingId, JSON.stringify([response]), response.department, JSON.stringify([{ eventId: response.eventId }])],
      );
      if (rows.length === 0) continue;
      const change = rows[0].state === 'closed' ? 'closed' : 'updated';
      await manager.query(`INSERT INTO crosscheck_outbox (finding_id, change, event, not_before) VALUES ($1, $2, $3, $4)`, [response.findingId, change, eventOf(rows[0].finding, at), at]);
      recorded++;
    }
    return recorded;
  }

  /**
   * The changes that may go out now, in order; a change waits behind an earlier one of its finding
   * that is still settling. The rows are locked until the caller's transaction ends (it sends them,
   * then marks them published), so a raise cannot be withdrawn while it is being sent; rows a
   * batch is withdrawing or rewriting are skipped until it commits. With `holdRaises` (a bulk load
   * under way), raises stay in the outbox and only the other changes go out.
   */
  async publishable(manager: EntityManager, limit: number, holdRaises = false): Promise<OutboxEntry[]> {
    const rows: { sequence: string; change: FindingChange['change']; event: { finding: Finding; occurredAt: string; evaluationDate?: string; traceparent?: string }; responses: RecordedResponse[] }[] =
      await manager.query(
        `SELECT o.sequence, o.change, o.event, f.responses FROM crosscheck_outbox o JOIN crosscheck_finding f USING (finding_id)
       WHERE o.published_at IS NULL AND o.not_before <= now()${holdRaises ? " AND o.change <> 'raised'" : ''}
         AND NOT EXISTS (SELECT 1 FROM crosscheck_outbox e WHERE e.finding_id = o.finding_id AND e.published_at IS NULL AND e.sequence < o.sequence AND e.not_before > now())
       ORDER BY o.sequence LIMIT $1 FOR UPDATE OF o SKIP LOCKED`,
        [limit],
      );
    return rows.map((row) => ({
      sequence: row.sequence,
      change: row.change,
      finding: row.event.finding,
      occurredAt: row.event.occurredAt,
      ...(row.event.evaluationDate ? { evaluationDate: row.event.evaluationDate } : {}),
      responses: row.responses,
      ...(row.event.traceparent ? { traceparent: row.event.traceparent } : {}),
    }));
  }

  async markPublished(manager: EntityManager, sequences: readonly string[]): Promise<void> {
    await manager.query('UPDATE crosscheck_outbox SET published_at = now() WHERE sequence = ANY($1::bigint[])', [sequences]);
  }
}
