import type { DataSource } from 'typeorm';
import type { RetentionRepository } from './retention.repository.js';

const DELETE_REJECTIONS = 'DELETE FROM gateway_rejection WHERE rejected_at < $1';

const DELETE_IDENTITIES = `
  DELETE FROM gateway_identity i
   WHERE i.updated_at < $1
     AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.state = 'open' AND f.finding ->> 'subject' = i.pseudonym)`;

/** The member's last record naming the person is in gateway_subject_activity; the facts about the person it could read go with its keys. */
const DELETE_RECORD_KEYS = `
  WITH gone AS (
    DELETE FROM gateway_record_key k
     USING gateway_subject_activity a
     WHERE a.member_id = k.member_id AND a.subject = k.pseudonym AND a.last_recorded_at < $1
       AND NOT EXISTS (SELECT 1 FROM gateway_finding f WHERE f.member_id = k.member_id AND f.state = 'open' AND f.finding ->> 'subject' = k.pseudonym)
    RETURNING k.member_id, k.pseudonym
  ), unreadable AS (
    DELETE FROM gateway_member_fact m
     USING (SELECT DISTINCT member_id, pseudonym FROM gone) g, gateway_fact f
     WHERE f.subject = g.pseudonym AND m.member_id = g.member_id AND m.fact_sequence = f.sequence
  )
  SELECT count(*)::int AS count FROM gone`;

/** The retention sweep's repository in the hub's PostgreSQL. */
export class PostgresRetentionRepository implements RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  deleteRejectionsBefore(day: Date): Promise<number> {
    return this.deleted(DELETE_REJECTIONS, day);
  }

  deleteIdentitiesBefore(day: Date): Promise<number> {
    return this.deleted(DELETE_IDENTITIES, day);
  }

  async deleteRecordKeysBefore(day: Date): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(DELETE_RECORD_KEYS, [day]);
    return count;
  }

  private async deleted(sql: string, day: Date): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(sql, [day]);
    return count;
  }
}
