import type { DataSource } from 'typeorm';
import type { PartitionOffset } from '@hub/messaging';
import type { BulkLoad, BulkLoadRepository, OpenBulkLoad } from './bulk-load.repository.js';

const INSERT = 'INSERT INTO gateway_bulk_load (load_id, member_id, opened_at) VALUES ($1, $2, $3)';
const COLUMNS = 'load_id, member_id, opened_at, closed_at, watermarks, judged_at, given_up, closed_idle';
const ONE = `SELECT ${COLUMNS} FROM gateway_bulk_load WHERE member_id = $1 AND load_id = $2`;
// Two gateways (or a member and the idle sweep) may close a load at once: the first close stands.
const CLOSE = 'UPDATE gateway_bulk_load SET closed_at = $2, watermarks = $3, closed_idle = $4 WHERE load_id = $1 AND closed_at IS NULL';
const OF_MEMBER = `SELECT ${COLUMNS} FROM gateway_bulk_load WHERE member_id = $1 ORDER BY opened_at DESC LIMIT $2`;
const RECENT = `SELECT ${COLUMNS} FROM gateway_bulk_load ORDER BY opened_at DESC LIMIT $1`;
const OPEN = `SELECT ${COLUMNS}, active_at, seen_offsets FROM gateway_bulk_load WHERE closed_at IS NULL ORDER BY opened_at`;
const ACTIVITY = 'UPDATE gateway_bulk_load SET active_at = $2, seen_offsets = $3 WHERE load_id = $1';
const JUDGED = 'UPDATE gateway_bulk_load SET judged_at = $2, given_up = $3 WHERE load_id = $1 AND judged_at IS NULL';
const OPEN_COUNT = 'SELECT count(*)::int AS open FROM gateway_bulk_load WHERE member_id = $1 AND closed_at IS NULL';

interface BulkLoadRow {
  load_id: string;
  member_id: string;
  opened_at: Date;
  closed_at: Date | null;
  watermarks: PartitionOffset[] | null;
  judged_at: Date | null;
  given_up: boolean;
  closed_idle: boolean;
}

interface OpenBulkLoadRow extends BulkLoadRow {
  active_at: Date | null;
  seen_offsets: PartitionOffset[] | null;
}

const loadOf = (row: BulkLoadRow): BulkLoad => ({
  loadId: row.load_id,
  member: row.member_id,
  openedAt: row.opened_at.toISOString(),
  ...(row.closed_at ? { closedAt: row.closed_at.toISOString() } : {}),
  ...(row.watermarks ? { watermarks: row.watermarks } : {}),
  ...(row.judged_at ? { judgedAt: row.judged_at.toISOString(), givenUp: row.given_up } : {}),
  ...(row.closed_idle ? { closedIdle: true } : {}),
});

/** The members' bulk loads in the hub's PostgreSQL. */
export class PostgresBulkLoadRepository implements BulkLoadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(load: BulkLoad): Promise<void> {
    await this.dataSource.query(INSERT, [load.loadId, load.member, load.openedAt]);
  }

  async get(member: string, loadId: string): Promise<BulkLoad | undefined> {
    const rows: BulkLoadRow[] = await this.dataSource.query(ONE, [member, loadId]);
    return rows[0] ? loadOf(rows[0]) : undefined;
  }

  async markClosed(loadId: string, closedAt: string, watermarks: readonly PartitionOffset[], idle = false): Promise<void> {
    await this.dataSource.query(CLOSE, [loadId, closedAt, JSON.stringify(watermarks), idle]);
  }

  async openLoads(): Promise<OpenBulkLoad[]> {
    const rows: OpenBulkLoadRow[] = await this.dataSource.query(OPEN);
    return rows.map((row) => ({ ...loadOf(row), ...(row.active_at && row.seen_offsets ? { activity: { at: row.active_at.toISOString(), offsets: row.seen_offsets } } : {}) }));
  }

  async noteActivity(loadId: string, at: string, offsets: readonly PartitionOffset[]): Promise<void> {
    await this.dataSource.query(ACTIVITY, [loadId, at, JSON.stringify(offsets)]);
  }

  async markJudged(loadId: string, judgedAt: string, givenUp: boolean): Promise<void> {
    await this.dataSource.query(JUDGED, [loadId, judgedAt, givenUp]);
  }

  async list(member: string, limit: number): Promise<BulkLoad[]> {
    const rows: BulkLoadRow[] = await this.dataSource.query(OF_MEMBER, [member, limit]);
    return rows.map(loadOf);
  }

  async recent(limit: number): Promise<BulkLoad[]> {
    const rows: BulkLoadRow[] = await this.dataSource.query(RECENT, [limit]);
    return rows.map(loadOf);
  }

  async openCount(member: string): Promise<number> {
    const [row]: { open: number }[] = await this.dataSource.query(OPEN_COUNT, [member]);
    return row?.open ?? 0;
  }
}
