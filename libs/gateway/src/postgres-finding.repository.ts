import type { DataSource } from 'typeorm';
import type { FindingFilter } from './delivered-finding.js';
import type { FindingRepository, HeldFinding, HeldFindingRow } from './finding.repository.js';

/** The upsert keeps the newer change: a redelivered or out-of-order older one, or one that changes nothing, leaves the row (and its sequence) alone. */
const HOLD = `
  INSERT INTO gateway_finding (member_id, finding_id, rule, state, period, finding, occurred_at)
  SELECT m, f, r, st, p, d, o FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::timestamptz[])
    WITH ORDINALITY AS u (m, f, r, st, p, d, o, n) ORDER BY n
  ON CONFLICT (member_id, finding_id) DO UPDATE
    SET sequence = nextval('gateway_finding_sequence'), rule = EXCLUDED.rule, state = EXCLUDED.state,
        period = EXCLUDED.period, finding = EXCLUDED.finding, occurred_at = EXCLUDED.occurred_at
    WHERE gateway_finding.occurred_at <= EXCLUDED.occurred_at AND gateway_finding.finding <> EXCLUDED.finding
  RETURNING member_id, sequence, finding`;

const LIST = `
  SELECT member_id, sequence, finding FROM gateway_finding
   WHERE ($1::varchar IS NULL OR member_id = $1) AND sequence > $2 AND ($3::varchar IS NULL OR state = $3)
     AND ($4::varchar IS NULL OR rule = $4) AND ($5::varchar IS NULL OR period = $5)
     AND ($7::varchar IS NULL OR finding ->> 'county' = $7)
     AND ($8::varchar IS NULL OR coalesce(finding -> 'responses' -> -1 ->> 'response', 'none') = $8)
   ORDER BY sequence LIMIT $6`;

const FIND = 'SELECT member_id, sequence, finding FROM gateway_finding WHERE member_id = $1 AND finding_id = $2';

const ROUTED_TO = 'SELECT member_id FROM gateway_finding WHERE finding_id = $1';

const DROP_KEPT_RECORD_KEYS = `UPDATE gateway_finding SET finding = finding - 'recordKeys' WHERE finding ? 'recordKeys'`;

interface FindingRow {
  member_id: string;
  sequence: string;
  finding: HeldFinding;
}

const held = (row: FindingRow): HeldFindingRow => ({ routedTo: row.member_id, sequence: row.sequence, finding: row.finding });

/** The findings the gateway holds, in the hub's PostgreSQL (gateway_finding). */
export class PostgresFindingRepository implements FindingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hold(findings: readonly { routedTo: string; finding: HeldFinding }[]): Promise<HeldFindingRow[]> {
    const rows: FindingRow[] = await this.dataSource.query(HOLD, [
      findings.map((f) => f.routedTo),
      findings.map((f) => f.finding.findingId),
      findings.map((f) => f.finding.rule),
      findings.map((f) => f.finding.state),
      findings.map((f) => f.finding.period),
      findings.map((f) => JSON.stringify(f.finding)),
      findings.map((f) => f.finding.occurredAt),
    ]);
    return rows.map(held);
  }

  async list(member: string | undefined, filter: FindingFilter): Promise<HeldFindingRow[]> {
    const rows: FindingRow[] = await this.dataSource.query(LIST, [
      member ?? null,
      filter.after ?? '0',
      filter.state ?? null,
      filter.rule ?? null,
      filter.period ?? null,
      filter.limit,
      filter.county ?? null,
      filter.response ?? null,
    ]);
    return rows.map(held);
  }

  async find(member: string, findingId: string): Promise<HeldFindingRow | undefined> {
    const rows: FindingRow[] = await this.dataSource.query(FIND, [member, findingId]);
    return rows.map(held)[0];
  }

  async routedTo(findingId: string): Promise<string | undefined> {
    const rows: { member_id: string }[] = await this.dataSource.query(ROUTED_TO, [findingId]);
    return rows[0]?.member_id;
  }

  async dropKeptRecordKeys(): Promise<number> {
    const [, changed] = await this.dataSource.query<[unknown, number]>(DROP_KEPT_RECORD_KEYS);
    return changed;
  }
}
