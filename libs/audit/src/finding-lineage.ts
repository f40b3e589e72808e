import type { DataSource } from 'typeorm';
import type { AuditRecordCipher } from './audit-record-cipher.js';

/** One step in a finding's history: an event it rests on, a change announced, a response, or a read of it. */
export interface LineageStep {
  kind: 'evidence' | 'finding-change' | 'response' | 'access';
  /** When the broker wrote it (ISO 8601). */
  at: string;
  topic: string;
  partition: number;
  offset: string;
  /** The department (or member) behind it. */
  by: string;
  what: string;
}

export interface Lineage {
  findingId: string;
  steps: LineageStep[];
  /** Evidence the finding names that the audit store does not hold (recorded before the audit ran). */
  missingEvidence: { source: string; eventId: string }[];
  /** Entries naming the finding that can no longer be read: their month's key was destroyed (retention). Their evidence is not known either. */
  expired: { topic: string; partition: number; offset: string; at: string; period: string }[];
}

/** Where the hub's own records are, for the lookups. */
export interface LineageTopics {
  findings: string;
  responses: string;
  accessLog: string;
}

interface Row {
  topic: string;
  partition: number;
  offset: string;
  timestamp_ms: string;
  event_source: string | null;
}

interface NamingRow extends Row {
  key: Buffer | null;
  value: Buffer | null;
  sealed_period: string | null;
}

type Named = Row & { document: Record<string, unknown> };

const at = (row: Row) => new Date(Number(row.timestamp_ms)).toISOString();
const place = (row: Row) => ({ at: at(row), topic: row.topic, partition: row.partition, offset: row.offset });
const department = (source: string) => source.replace(/^\/departments\//, '');
/** An access-log entry as a lineage step: a read served, or a reveal (allowed or refused) with the purpose stated. */
function accessStep(entry: Record<string, unknown>): string {
  const action = String(entry['action']);
  if (action === 'reveal-identity')
    return `${entry['allowed'] === true ? 'identity revealed' : 'reveal refused'} for "${typeof entry['purpose'] === 'string' ? entry['purpose'] : ''}": ${String(entry['reason'])}`;
  return `${action} over ${String(entry['channel'])}, ${String(entry['count'])} item(s) served`;
}

/**
 * A finding's lineage from the audit store: the events it rests on (department, time, topic,
 * offset), every change announced, every department response, and every read that served it.
 */
export class FindingLineage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: AuditRecordCipher,
  ) {}

  /**
   * The ids of the findings announced on the findings topic that begin with `prefix` (hexadecimal
   * digits), at most `limit`, in order: an id as `hub findings` shows it, its first 12 digits, is
   * followed by the one it begins. Only that topic's entries are read (by the topic's index).
   */
  async idsBeginningWith(prefix: string, findingsTopic: string, limit: number): Promise<string[]> {
    if (!/^[0-9a-f]+$/.test(prefix)) return [];
    const rows: { finding_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT r AS finding_id FROM audit_entry e CROSS JOIN LATERAL unnest(e.finding_references) AS r
       WHERE e.topic = $1 AND r LIKE $2 ORDER BY 1 LIMIT $3`,
      [findingsTopic, `${prefix}%`, limit],
    );
    return rows.map((row) => row.finding_id);
  }

  async of(findingId: string, topics: LineageTopics): Promise<Lineage> {
    // Every entry that names the finding, found by the index of the references read when it was recorded (migration 12), opened, then sorted by what it is.
    const stored: NamingRow[] = await this.dataSource.query(
      `SELECT topic, partition, "offset", timestamp_ms, event_source, key, value, sealed_period FROM audit_entry
       WHERE finding_references @> ARRAY[$1::text] ORDER BY timestamp_ms, topic, partition, "offset"`,
      [findingId],
    );
    const opened = await this.cipher.open(stored.map((row) => ({ ...row, sealedPeriod: row.sealed_period })));
    const expired = opened.flatMap((row) => (row.expired ? [{ topic: row.topic, partition: row.partition, offset: row.offset, at: at(row), period: row.expired.period }] : []));
    const naming: Named[] = opened.flatMap((row) => (row.expired || row.value === null ? [] : [{ ...row, document: JSON.parse(row.value.toString('utf8')) as Record<string, unknown> }]));
    const names = (row: Named) => row.document['findingId'] === findingId;
    const changes = naming.filter((row) => row.topic === topics.findings && names(row));
    const responses = naming.filter((row) => row.topic === topics.responses && names(row));
    const reads = naming.filter((row) => row.topic === topics.accessLog && Array.isArray(row.document['items']) && row.document['items'].includes(findingId));
    const evidence = new Map<string, { source: string; eventId: string }>();
    for (const change of changes) {
      for (const e of change.document['evidence'] as { source: string; eventId: string }[]) evidence.set(`${e.source}\u0000${e.eventId}`, { source: e.source, eventId: e.eventId });
    }
    const wanted = [...evidence.values()];
    const found: (Row & { event_id: string })[] =
      wanted.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT topic, partition, "offset", timestamp_ms, event_source, event_id FROM audit_entry
       WHERE (event_source, event_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) ORDER BY timestamp_ms, topic, partition, "offset"`,
            [wanted.map((e) => e.source), wanted.map((e) => e.eventId)],
          );
    const foundKeys = new Set(found.map((row) => `${row.event_source}\u0000${row.event_id}`));
    const steps: LineageStep[] = [
      ...found.map((row): LineageStep => ({ kind: 'evidence', ...place(row), by: department(row.event_source ?? ''), what: `${row.topic} event ${row.event_id}` })),
      ...changes.map((row): LineageStep => ({
        kind: 'finding-change',
        ...place(row),
        by: 'crosscheck',
        what: `${String(row.document['change'])} by ${String(row.document['rule'])} ${String(row.document['ruleVersion'])}, routed to ${String(row.document['routedTo'])}`,
      })),
      ...responses.map((row): LineageStep => ({
        kind: 'response',
        ...place(row),
        by: String(row.document['department']),
        what: `${String(row.document['response'])}${typeof row.document['reason'] === 'string' && row.document['reason'] ? `: ${row.document['reason']}` : ''}`,
      })),
      ...reads.map((row): LineageStep => ({ kind: 'access', ...place(row), by: String(row.document['member']), what: accessStep(row.document) })),
    ].sort((a, b) => a.at.localeCompare(b.at) || a.topic.localeCompare(b.topic) || Number(BigInt(a.offset) - BigInt(b.offset)));
    return { findingId, steps, missingEvidence: wanted.filter((e) => !foundKeys.has(`${e.source}\u0000${e.eventId}`)), expired };
  }
}
