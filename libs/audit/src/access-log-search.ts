import type { DataSource } from 'typeorm';
import type { AuditRecordCipher } from './audit-record-cipher.js';

/** What to look for in the access log; every field optional but the page size. */
export interface AccessLogQuery {
  member?: string;
  user?: string;
  action?: string;
  allowed?: boolean;
  /** From this moment (inclusive) … */
  from?: Date;
  /** … to this one (exclusive); unset: now. */
  to?: Date;
  limit: number;
}

/** One access-log entry as the audit recorded it: where it is on the broker, and what it says. */
export interface FoundAccess {
  at: string;
  topic: string;
  partition: number;
  offset: string;
  entry: Record<string, unknown>;
}

export interface AccessLogPage {
  entries: FoundAccess[];
  /** Entries read to find them (the store holds the log sealed, so it is opened and filtered here). */
  scanned: number;
  /** Entries in the window whose month's key was destroyed (retention): they can no longer be read. */
  expired: number;
  /** True when the scan stopped at its bound before the window's start: narrow the window to see older ones. */
  truncated: boolean;
}

interface Row {
  topic: string;
  partition: number;
  offset: string;
  timestamp_ms: string;
  key: Buffer | null;
  value: Buffer | null;
  sealed_period: string | null;
}

/** Rows opened per query, newest first; the most one search reads. */
const BATCH = 2_000;
const MOST_SCANNED = 50_000;

const matches = (query: AccessLogQuery, entry: Record<string, unknown>) =>
  (query.member === undefined || entry['member'] === query.member) &&
  (query.user === undefined || entry['user'] === query.user) &&
  (query.action === undefined || entry['action'] === query.action) &&
  (query.allowed === undefined || entry['allowed'] === query.allowed);

/**
 * The access log as the audit store holds it (every read, refusal, reveal and console action,
 * with the member and the user), searched newest first within a time window. The entries are
 * sealed at rest, so each batch is opened and filtered here; the scan is bounded and says so.
 */
export class AccessLogSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: AuditRecordCipher,
    private readonly topic: string,
  ) {}

  async search(query: AccessLogQuery): Promise<AccessLogPage> {
    const entries: FoundAccess[] = [];
    let scanned = 0;
    let expired = 0;
    let before = query.to?.getTime() ?? Date.now() + 1;
    let last: Row | undefined;
    while (entries.length < query.limit && scanned < MOST_SCANNED) {
      const rows: Row[] = await this.dataSource.query(
        `SELECT topic, partition, "offset", timestamp_ms, key, value, sealed_period FROM audit_entry
          WHERE topic = $1 AND timestamp_ms >= $2 AND (timestamp_ms < $3 OR (timestamp_ms = $3 AND (partition, "offset") < ($4, $5)))
          ORDER BY timestamp_ms DESC, partition DESC, "offset" DESC LIMIT $6`,
        [this.topic, query.from?.getTime() ?? 0, before, last?.partition ?? 0, last?.offset ?? '0', BATCH],
      );
      if (rows.length === 0) return { entries, scanned, expired, truncated: false };
      scanned += rows.length;
      for (const row of await this.cipher.open(rows.map((row) => ({ ...row, sealedPeriod: row.sealed_period })))) {
        if (row.expired || row.value === null) {
          expired += row.expired ? 1 : 0;
          continue;
        }
        const entry = JSON.parse(row.value.toString('utf8')) as Record<string, unknown>;
        if (matches(query, entry) && entries.length < query.limit) {
          entries.push({ at: new Date(Number(row.timestamp_ms)).toISOString(), topic: row.topic, partition: row.partition, offset: row.offset, entry });
        }
      }
      last = rows.at(-1)!;
      before = Number(last.timestamp_ms);
      if (rows.length < BATCH) return { entries, scanned, expired, truncated: false };
    }
    return { entries, scanned, expired, truncated: entries.length < query.limit };
  }
}
