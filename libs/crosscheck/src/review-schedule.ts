import type { EntityManager } from 'typeorm';

/** The day each person is next judged again with no new event (`crosscheck_review`): see `nextReviewDate`. */
export class ReviewSchedule {
  /** Sets each person's next review day; a person with none is taken off the schedule. */
  async schedule(manager: EntityManager, reviews: readonly { person: string; on: string | null }[]): Promise<void> {
    const next = reviews.filter((r) => r.on !== null);
    const none = reviews.filter((r) => r.on === null).map((r) => r.person);
    if (next.length > 0) {
      await manager.query(
        `INSERT INTO crosscheck_review (person, review_on) SELECT * FROM unnest($1::varchar[], $2::date[])
         ON CONFLICT (person) DO UPDATE SET review_on = EXCLUDED.review_on`,
        [next.map((r) => r.person), next.map((r) => r.on)],
      );
    }
    if (none.length > 0) await manager.query('DELETE FROM crosscheck_review WHERE person = ANY($1::varchar[])', [none]);
  }

  /** Persons due on or before `today`, earliest first, locked until the transaction ends; rows another transaction holds are skipped. */
  async due(manager: EntityManager, today: string, limit: number): Promise<string[]> {
    const rows: { person: string }[] = await manager.query('SELECT person FROM crosscheck_review WHERE review_on <= $1::date ORDER BY review_on, person LIMIT $2 FOR UPDATE SKIP LOCKED', [
      today,
      limit,
    ]);
    return rows.map((row) => row.person);
  }
}
