import type { DataSource } from 'typeorm';
import type { RejectionTally, RejectionTallyRepository } from './rejection-tally.repository.js';

const TALLY = `
  SELECT member_id, event_type, rejected::int, awaiting_replay::int, latest
  FROM gateway_rejection_tally ORDER BY awaiting_replay DESC, member_id, event_type`;

interface TallyRow {
  member_id: string;
  event_type: string;
  rejected: number;
  awaiting_replay: number;
  latest: Date;
}

/** Reads the view `gateway_rejection_tally`, so its reader needs no right to the rejected records themselves. */
export class PostgresRejectionTallyRepository implements RejectionTallyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async tally(): Promise<RejectionTally[]> {
    const rows: TallyRow[] = await this.dataSource.query(TALLY);
    return rows.map((row) => ({ member: row.member_id, eventType: row.event_type, rejected: row.rejected, awaitingReplay: row.awaiting_replay, latest: row.latest.toISOString() }));
  }
}
