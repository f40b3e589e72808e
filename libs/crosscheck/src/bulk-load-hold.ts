import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { bulkLoadRecord, type BulkLoadChange } from '@hub/contracts';
import type { HubProducer, KafkaTopicAdmin, PartitionOffset } from '@hub/messaging';
import { DeferredJudgements } from './deferred-judgements.js';
import type { DeferredTake } from './deferred-take.js';
import { DeferredTakeCursor } from './deferred-take-cursor.js';

/** A load that stopped holding findings back, and why. */
export interface ReleasedLoad {
  loadId: string;
  department: string;
  /** Judged: every record of it was judged. Given up: it held findings back for as long as it may, closed or not. */
  outcome: 'judged' | 'given-up';
}

/**
 * Judges the persons the loads put off judging of the judging-lock buckets the take names, citing
 * their records received since `causesSince` as the cause of a close (CrosscheckEngine.judgeDeferred);
 * how many it judged, and the last bucket it took.
 */
export type DeferredJudging = (loadIds: readonly string[], take: DeferredTake, causesSince: string) => Promise<{ persons: number; lastBucket?: number }>;

/** About how many deferred persons are judged in one transaction. */
const DEFERRED_AT_ONCE = 2000;
/** Transactions judging deferred persons side by side (each skips the buckets the other holds): one computes while the other waits on PostgreSQL. */
const DEFERRED_SIDE_BY_SIDE = 2;
/** How often the judging of a load's deferred persons says how far it is. */
const PROGRESS_EVERY_MS = 10_000;

interface PendingLoadRow {
  load_id: string;
  department: string;
  watermarks: PartitionOffset[];
}

interface ReleasedLoadRow {
  load_id: string;
  department: string;
  opened_at: Date;
  closed_at: Date | null;
  judged_at: Date;
  given_up: boolean;
}

/**
 * Holds back the findings the crosscheck raises while a department's bulk load is under way (issue
 * 25): from the load's opening until every record before its close's watermarks is judged. The
 * engine stores a loading department's records without judging them and notes the persons they
 * touch; once this crosscheck's consumer group has committed past the watermarks on each
 * partition it reads (its offsets are committed only after a batch is stored), and no other load
 * with persons left is under way, those persons are judged, once each however many loads touched
 * them, and then the load is judged. Raises wait in
 * the outbox meanwhile (those of other departments' records too): one closed again is withdrawn
 * there, one updated is rewritten, and departments are told only what holds once the load is complete. A load that holds longer than
 * `maxHoldMs` from its opening (never closed, say) is given up, with a warning. Either way the
 * crosscheck announces it (hub.bulk-load.changed.v1), so the department sees its findings are final.
 */
export class BulkLoadHold {
  private readonly logger = new Logger(BulkLoadHold.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly offsets: Pick<KafkaTopicAdmin, 'committedOffsets'>,
    private readonly producer: Pick<HubProducer, 'send'>,
    /** The crosscheck's consumer group. */
    private readonly groupId: string,
    /** The canonical topics the crosscheck reads: a load's records elsewhere are nothing it judges. */
    private readonly topicsRead: readonly string[],
    private readonly maxHoldMs: number,
    /** Judges the persons a load's records touched, which the engine put off while the load was under way. */
    private readonly judgeDeferred?: DeferredJudging,
  ) {}

  private readonly deferred = new DeferredJudgements();
  private draining?: Promise<void>;
  private stopping = false;

  /**
   * Keeps the gateway's openings and closes; a close's watermarks replace any earlier ones (a close
   * announced twice names the later ends). The crosscheck's own judgements come back on the topic and are passed over.
   */
  async record(changes: readonly BulkLoadChange[]): Promise<void> {
    for (const change of changes) {
      if (change.change !== 'opened' && change.change !== 'closed') continue;
      await this.dataSource.query(
        `INSERT INTO crosscheck_bulk_load (load_id, department, opened_at, closed_at, watermarks) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (load_id) DO UPDATE SET closed_at = coalesce(EXCLUDED.closed_at, crosscheck_bulk_load.closed_at), watermarks = coalesce(EXCLUDED.watermarks, crosscheck_bulk_load.watermarks)`,
        [change.loadId, change.department, change.openedAt, change.closedAt ?? null, change.watermarks ? JSON.stringify(change.watermarks) : null],
      );
      this.logger.log(
        { loadId: change.loadId, department: change.department, change: change.change },
        change.change === 'opened' ? 'bulk load opened: raised findings are held back until it is judged' : 'bulk load closed',
      );
    }
  }

  /** Whether any load holds raises back now (read in the publisher's transaction). */
  async holding(manager: EntityManager): Promise<boolean> {
    const [row]: { holding: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM crosscheck_bulk_load WHERE judged_at IS NULL) AS holding');
    return row?.holding ?? false;
  }

  /**
   * Ends the hold of each load that is judged or has held as long as it may, and announces each
   * load whose hold ended. A load whose records are all stored is judged once the persons they
   * touched are: that judging runs beside the consumer (it may take minutes for a region's load),
   * and a later call sees it done.
   */
  async release(): Promise<ReleasedLoad[]> {
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL as [rows, affected].
    const [givenUp]: [{ load_id: string; department: string }[], number] = await this.dataSource.query(
      `UPDATE crosscheck_bulk_load SET judged_at = now(), given_up = true WHERE judged_at IS NULL AND opened_at < now() - make_interval(secs => $1) RETURNING load_id, department`,
      [this.maxHoldMs / 1000],
    );
    for (const load of givenUp)
      this.logger.warn({ loadId: load.load_id, department: load.department }, `bulk load held findings back for ${this.maxHoldMs / 60_000} minutes without being judged; its findings go out now`);
    const released = [...givenUp.map((load): ReleasedLoad => ({ loadId: load.load_id, department: load.department, outcome: 'given-up' })), ...(await this.judgeStoredLoads())];
    await this.announceReleased();
    return released;
  }

  /** Stops the judging of deferred persons after its current transaction: what is left is judged after the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.draining;
  }

  /**
   * The closed loads whose every record is stored: judged if the persons they touched are, else
   * those persons are judged now, once no load with persons left is under way: a person several
   * loads touched is then judged once, on all of them (the raises wait for every load anyway). The
   * persons of loads released with persons left (given up, or a judging cut short by a restart) are
   * judged all the same, and those a load under way touched too again after it.
   */
  private async judgeStoredLoads(): Promise<ReleasedLoad[]> {
    const stored = await this.storedLoads();
    const storedIds = new Set(stored.map((load) => load.load_id));
    const left = await this.deferred.loadsWithPersonsLeft(this.dataSource.manager);
    const underWay = left.some((load) => !load.released && !storedIds.has(load.loadId));
    this.judgeDeferredPersons(left.filter((load) => load.released || !underWay));
    const withPersonsLeft = new Set(left.map((load) => load.loadId));
    const judged: ReleasedLoad[] = [];
    for (const load of stored.filter((l) => !withPersonsLeft.has(l.load_id))) {
      await this.dataSource.query('UPDATE crosscheck_bulk_load SET judged_at = now() WHERE load_id = $1 AND judged_at IS NULL', [load.load_id]);
      this.logger.log({ loadId: load.load_id, department: load.department }, 'bulk load judged: the findings it raised and that hold go out now');
      judged.push({ loadId: load.load_id, department: load.department, outcome: 'judged' });
    }
    return judged;
  }

  /** The closed, unjudged loads this crosscheck's group has committed past the watermarks of, on every partition it reads. */
  private async storedLoads(): Promise<PendingLoadRow[]> {
    const closed: PendingLoadRow[] = await this.dataSource.query('SELECT load_id, department, watermarks FROM crosscheck_bulk_load WHERE judged_at IS NULL AND closed_at IS NOT NULL');
    if (closed.length === 0) return [];
    const read = new Set(this.topicsRead);
    const topics = [...new Set(closed.flatMap((load) => load.watermarks.map((w) => w.topic)))].filter((topic) => read.has(topic));
    const committed = new Map((await this.offsets.committedOffsets(this.groupId, topics)).map((c) => [`${c.topic}:${c.partition}`, BigInt(c.offset)]));
    return closed.filter((load) =>
      load.watermarks.every((mark) => !read.has(mark.topic) || BigInt(mark.offset) === 0n || (committed.get(`${mark.topic}:${mark.partition}`) ?? -1n) >= BigInt(mark.offset)),
    );
  }

  /** Judges the loads' deferred persons in the background, DEFERRED_SIDE_BY_SIDE transactions of DEFERRED_AT_ONCE at a time; one run at once (the next call's loads wait for the next round). */
  private judgeDeferredPersons(loads: readonly { loadId: string; openedAt: string }[]): void {
    if (loads.length === 0 || this.draining || !this.judgeDeferred || this.stopping) return;
    const judge = this.judgeDeferred;
    const loadIds = loads.map((load) => load.loadId);
    const causesSince = loads.map((load) => load.openedAt).reduce((earliest, at) => (at < earliest ? at : earliest));
    this.draining = (async () => {
      const started = Date.now();
      let [persons, shown] = [0, Date.now()];
      const judgeUntilNoneLeft = async () => {
        const cursor = new DeferredTakeCursor(DEFERRED_AT_ONCE);
        for (let more = true; more && !this.stopping;) {
          const judged = await judge(loadIds, cursor.next, causesSince);
          more = cursor.moveOn(judged);
          persons += judged.persons;
          if (Date.now() - shown >= PROGRESS_EVERY_MS) {
            shown = Date.now();
            this.logger.log({ loads: loadIds, persons }, `judging the persons the bulk loads touched: ${persons} so far`);
          }
        }
      };
      await Promise.all(Array.from({ length: DEFERRED_SIDE_BY_SIDE }, judgeUntilNoneLeft));
      if (persons > 0) this.logger.log({ loads: loadIds, persons, seconds: (Date.now() - started) / 1000 }, `judged the ${persons} persons the bulk loads touched`);
    })()
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'judging the persons a bulk load touched failed; the next round goes on with them');
      })
      .finally(() => (this.draining = undefined));
  }

  /** Announces the loads whose hold ended and are not announced yet (also those a crash cut short before). */
  private async announceReleased(): Promise<void> {
    const rows: ReleasedLoadRow[] = await this.dataSource.query(
      'SELECT load_id, department, opened_at, closed_at, judged_at, given_up FROM crosscheck_bulk_load WHERE judged_at IS NOT NULL AND announced_at IS NULL',
    );
    if (rows.length === 0) return;
    await this.producer.send(
      rows.map((row) =>
        bulkLoadRecord(
          {
            loadId: row.load_id,
            department: row.department,
            change: row.given_up ? 'given-up' : 'judged',
            openedAt: row.opened_at.toISOString(),
            ...(row.closed_at ? { closedAt: row.closed_at.toISOString() } : {}),
            judgedAt: row.judged_at.toISOString(),
          },
          '/hub/crosscheck',
          randomUUID(),
        ),
      ),
    );
    await this.dataSource.query('UPDATE crosscheck_bulk_load SET announced_at = now() WHERE load_id = ANY($1::uuid[])', [rows.map((row) => row.load_id)]);
  }
}
