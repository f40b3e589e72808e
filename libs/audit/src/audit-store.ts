import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver as TypeOrmPostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { ErrorCode, HubError } from '@hub/errors';
import { chainName, chainPartLength, decodeChainHeaders, linkRecords, type ChainEntry, type ChainHead, type ChainRecord, type Checkpoint, type StoredEntryView } from '@hub/audit-chain';
import type { SealedRecord, StoredSealing } from './audit-record-cipher.js';
import { copyBinaryRows, type BinaryRows } from './copy-binary-rows.js';

/** TypeORM's PostgreSQL driver, whose pool (typed `any` there) is node-postgres's. */
/** TypeORM types its pool as any; it is pg's. */
type PostgresDriver = Omit<TypeOrmPostgresDriver, 'master'> & { master: Pool };

/** A topic partition the audit keeps a chain for. */
export interface Chain {
  topic: string;
  partition: number;
}

interface EntryRow {
  offset: string;
  position: string;
  timestamp_ms: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Buffer;
  previous_hash: Buffer;
  hash: Buffer;
  sealed_period: string | null;
}

interface CheckpointRow {
  entries: string;
  last_offset: string;
  head_hash: Buffer;
  sealed_at: Date;
  key_id: string;
  signature: Buffer;
}

/** A text as an SQL literal (COPY takes no parameters). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

const checkpointOf = (row: Chain & CheckpointRow): Checkpoint => ({
  topic: row.topic,
  partition: row.partition,
  entries: Number(row.entries),
  lastOffset: row.last_offset,
  headHash: row.head_hash,
  sealedAt: row.sealed_at.toISOString(),
  keyId: row.key_id,
  signature: row.signature,
});

/** A batch of a chain's entries as `streamEntries` reads them. */
export interface StoredEntries {
  readonly count: number;
  /** The entry at an index of the batch, in a view that the next call reuses. */
  entry(index: number): StoredEntryView;
}

/** The entries of a batch of rows of `streamEntries`' COPY, whose columns are laid out as a StoredEntryView. */
function storedEntries(rows: BinaryRows): StoredEntries {
  const { data } = rows;
  const view: StoredEntryView = { bytes: data, offset: '', previousHashStart: 0, previousHashEnd: 0, fieldsStart: 0, fieldsEnd: 0, headersStart: 0, headersEnd: 0, hashStart: 0, hashEnd: 0 };
  return {
    count: rows.count,
    entry: (row) => {
      view.offset = data.toString('latin1', rows.start(row, 2), rows.end(row, 2));
      view.previousHashStart = rows.start(row, 0);
      view.previousHashEnd = rows.end(row, 0);
      // From the offset's length to the value's end.
      view.fieldsStart = rows.start(row, 2) - 4;
      view.fieldsEnd = rows.end(row, 5);
      view.headersStart = rows.start(row, 6);
      view.headersEnd = rows.end(row, 6);
      view.hashStart = rows.start(row, 7);
      view.hashEnd = rows.end(row, 7);
      return view;
    },
  };
}

function storedHeaders(chain: Chain, row: EntryRow): [string, string][] {
  const headers = decodeChainHeaders(row.headers);
  if (!headers)
    throw new HubError(ErrorCode.UnexpectedDatabaseResponse, `the audit entry ${chain.topic}/${chain.partition} at offset ${row.offset} has headers that are not in the chain's encoding`, {
      context: { ...chain, offset: row.offset },
    });
  return headers;
}

/** Names an entry by its chain and offset. */
export const entryPlace = (entry: Chain & { offset: string }): string => `${chainName(entry.topic, entry.partition)}@${entry.offset}`;

/** The longest ce_id or ce_source kept in the look-up columns (varchar(200)). */
const MAX_LOOKUP_CHARACTERS = 200;

/**
 * A CloudEvents header of the record for the look-up columns (lineage finds entries by event id).
 * The record itself is kept byte for byte in the entry; a value PostgreSQL's varchar(200) cannot
 * hold (longer, or with NUL) is kept there cut to 199 characters and marked with "…", so that the
 * entry is always recorded.
 */
function header(record: ChainRecord, name: string): string | null {
  const value = record.headers.find(([n]) => n === name)?.[1];
  if (value === undefined) return null;
  const text = value.replaceAll('\u0000', '\u2400').toWellFormed();
  return text.length <= MAX_LOOKUP_CHARACTERS ? text : `${text.slice(0, MAX_LOOKUP_CHARACTERS - 1)}…`;
}

/**
 * The audit store in PostgreSQL: entries are only ever inserted (the tables refuse anything else),
 * one transaction per partition batch, serialised per chain so two instances in a rebalance never
 * fork it.
 */
export class AuditStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Links one partition's records (offset order, as sealed) onto its chain; returns how many were new and the chain's head. */
  async append(records: readonly SealedRecord[]): Promise<{ appended: number; head?: ChainHead }> {
    const first = records[0];
    if (!first) return { appended: 0 };
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [first.topic, first.partition]);
      const head = await this.head(first, manager);
      const { entries, head: newHead } = linkRecords(head, records);
      if (entries.length === 0) return { appended: 0, ...(head ? { head } : {}) };
      if (!head) await manager.query('INSERT INTO audit_chain (topic, partition) VALUES ($1, $2) ON CONFLICT DO NOTHING', [first.topic, first.partition]);
      const firstPosition = (head?.entries ?? 0) + 1;
      await manager.query(
        `INSERT INTO audit_entry (topic, partition, "offset", position, timestamp_ms, key, value, headers, previous_hash, hash, event_source, event_id, sealed_period, finding_references)
         SELECT $1, $2, e.o, e.p, e.t, e.k, e.v, e.h, e.ph, e.eh, e.s, e.i, e.sp, CASE WHEN e.refs IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(e.refs)) END
         FROM unnest($3::bigint[], $4::bigint[], $5::bigint[], $6::bytea[], $7::bytea[], $8::bytea[], $9::bytea[], $10::bytea[], $11::varchar[], $12::varchar[], $13::varchar[], $14::jsonb[])
           AS e (o, p, t, k, v, h, ph, eh, s, i, sp, refs)`,
        [
          first.topic,
          first.partition,
          entries.map((e) => e.offset),
          entries.map((_, i) => firstPosition + i),
          entries.map((e) => e.timestamp),
          entries.map((e) => e.key),
          entries.map((e) => e.value),
          entries.map((e) => e.headerBytes),
          entries.map((e) => e.previousHash),
          entries.map((e) => e.hash),
          entries.map((e) => header(e, 'ce_source')),
          entries.map((e) => header(e, 'ce_id')),
          entries.map((e) => e.sealedPeriod),
          // As JSON: unnest would flatten a text[][] of rows of different lengths.
          entries.map((e) => (e.findingReferences ? JSON.stringify(e.findingReferences) : null)),
        ],
      );
      return { appended: entries.length, head: newHead! };
    });
  }

  /** Where the chain ends now (undefined before its first entry). */
  async head(chain: Chain, manager: EntityManager = this.dataSource.manager): Promise<ChainHead | undefined> {
    const rows: Pick<EntryRow, 'offset' | 'position' | 'hash'>[] = await manager.query(
      'SELECT "offset", position, hash FROM audit_entry WHERE topic = $1 AND partition = $2 ORDER BY "offset" DESC LIMIT 1',
      [chain.topic, chain.partition],
    );
    const row = rows[0];
    return row ? { lastOffset: row.offset, hash: row.hash, entries: Number(row.position) } : undefined;
  }

  /** Where every chain ends now, by chain name; one query, each head found by the chain's index. */
  async heads(): Promise<Map<string, ChainHead>> {
    const rows: (Chain & Pick<EntryRow, 'offset' | 'position' | 'hash'>)[] = await this.dataSource.query(
      `SELECT c.topic, c.partition, h."offset", h.position, h.hash FROM audit_chain c
       CROSS JOIN LATERAL (SELECT "offset", position, hash FROM audit_entry e WHERE e.topic = c.topic AND e.partition = c.partition ORDER BY "offset" DESC LIMIT 1) h`,
    );
    return new Map(rows.map((row) => [chainName(row.topic, row.partition), { lastOffset: row.offset, hash: row.hash, entries: Number(row.position) }]));
  }

  /** The hashes of the entries at these chains' offsets that the store has, by `entryPlace`; one query. */
  async entryHashes(places: readonly (Chain & { offset: string })[]): Promise<Map<string, Buffer>> {
    if (places.length === 0) return new Map();
    const rows: (Chain & Pick<EntryRow, 'offset' | 'hash'>)[] = await this.dataSource.query(
      `SELECT e.topic, e.partition, e."offset", e.hash FROM audit_entry e
       JOIN unnest($1::varchar[], $2::int[], $3::bigint[]) AS w (topic, partition, "offset") USING (topic, partition, "offset")`,
      [places.map((p) => p.topic), places.map((p) => p.partition), places.map((p) => p.offset)],
    );
    return new Map(rows.map((row) => [entryPlace(row), row.hash]));
  }

  /** The offsets of a chain's entries up to an offset, ascending (one query: the chain's index, aggregated into one text). */
  async offsets(chain: Chain, upToOffset: string): Promise<number[]> {
    const [row]: { offsets: string | null }[] = await this.dataSource.query(
      `SELECT string_agg("offset"::text, ',' ORDER BY "offset") AS offsets FROM audit_entry WHERE topic = $1 AND partition = $2 AND "offset" <= $3`,
      [chain.topic, chain.partition, upToOffset],
    );
    return row?.offsets ? row.offsets.split(',').map(Number) : [];
  }

  async chains(): Promise<Chain[]> {
    return this.dataSource.query('SELECT topic, partition FROM audit_chain ORDER BY topic, partition');
  }

  async addCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_checkpoint (topic, partition, entries, last_offset, head_hash, sealed_at, key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [checkpoint.topic, checkpoint.partition, checkpoint.entries, checkpoint.lastOffset, checkpoint.headHash, checkpoint.sealedAt, checkpoint.keyId, checkpoint.signature],
    );
  }

  /** Every chain's checkpoints, fewest entries first, by chain name. */
  async checkpoints(): Promise<Map<string, Checkpoint[]>> {
    const rows: (Chain & CheckpointRow)[] = await this.dataSource.query(
      'SELECT topic, partition, entries, last_offset, head_hash, sealed_at, key_id, signature FROM audit_checkpoint ORDER BY topic, partition, entries',
    );
    const checkpoints = new Map<string, Checkpoint[]>();
    for (const row of rows) {
      const name = chainName(row.topic, row.partition);
      const chain = checkpoints.get(name) ?? [];
      chain.push(checkpointOf(row));
      checkpoints.set(name, chain);
    }
    return checkpoints;
  }

  /**
   * The chain's entries up to an offset, in offset order, as stored, as PostgreSQL streams them:
   * COPY in its binary format gives keys, values, headers and hashes as raw bytes, where a query
   * gives them as hex text to decode (reading the rows that way costs more than hashing them). Each
   * batch of entries is read in place (see `StoredEntryView`).
   */
  async *streamEntries(chain: Chain, upToOffset: string): AsyncGenerator<StoredEntries> {
    if (!Number.isInteger(chain.partition) || !/^-?\d+$/.test(upToOffset)) throw new RangeError(`not a partition and offset: ${chain.partition}, ${upToOffset}`);
    const client = await (this.dataSource.driver as unknown as PostgresDriver).master.connect();
    let readToTheEnd = false;
    try {
      // In offset order by the chain's index. Left to itself the planner reads the table's pages in
      // their own order and sorts (on disk, in parallel workers), at about four times the CPU: a
      // chain's rows lie among other chains', and it prices reading them in index order as if each
      // page came from disk.
      await client.query('BEGIN READ ONLY; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
      // Laid out as a StoredEntryView: the room after the previous hash is a column of zeros (its own length fills 4 bytes of it).
      const room = `'\\x${'00'.repeat(chainPartLength(chain.topic) - 4)}'::bytea`;
      const rows = client.query(
        copyTo(
          `COPY (SELECT previous_hash, ${room} AS room, "offset"::text AS offset_digits, timestamp_ms::text AS timestamp_digits, key, value, headers, hash FROM audit_entry
           WHERE topic = ${literal(chain.topic)} AND partition = ${chain.partition} AND "offset" <= ${upToOffset} ORDER BY "offset") TO STDOUT (FORMAT binary)`,
        ),
      );
      for await (const batch of copyBinaryRows(rows, 8)) yield storedEntries(batch);
      await client.query('ROLLBACK');
      readToTheEnd = true;
    } finally {
      // A connection left in the middle of a COPY (the caller stopped, or something failed) cannot serve anyone else: it is closed.
      client.release(!readToTheEnd);
    }
  }

  /**
   * Where the topics' chains stood at a moment, as Kafka cuts a partition by time: each from its
   * first entry up to the first the broker wrote after the moment (exclusive); a chain with no entry
   * is left out. One query, each bound found by the chain's index.
   */
  async cutsAt(topics: readonly string[], untilMs: number): Promise<(Chain & { start: string; end: string })[]> {
    const rows: (Chain & { start: string | null; after: string | null; last: string | null })[] = await this.dataSource.query(
      `SELECT c.topic, c.partition, b.start, b.last, a.after FROM audit_chain c
       CROSS JOIN LATERAL (SELECT min("offset") AS start, max("offset") AS last FROM audit_entry e WHERE e.topic = c.topic AND e.partition = c.partition) b
       CROSS JOIN LATERAL (SELECT min("offset") AS after FROM audit_entry e WHERE e.topic = c.topic AND e.partition = c.partition AND e.timestamp_ms > $2) a
       WHERE c.topic = ANY($1::varchar[]) ORDER BY c.topic, c.partition`,
      [topics, untilMs],
    );
    return rows.flatMap(({ topic, partition, start, after, last }) => (start === null || last === null ? [] : [{ topic, partition, start, end: after ?? String(BigInt(last) + 1n) }]));
  }

  /** How many entries within these cuts (from `start` up to `end`, exclusive) can no longer be read: their month's key was destroyed. */
  async expiredWithin(cuts: readonly (Chain & { start: string; end: string })[]): Promise<number> {
    const [destroyed]: { periods: string[] | null }[] = await this.dataSource.query('SELECT array_agg(period) AS periods FROM audit_period_key WHERE wrapped_key IS NULL');
    if (!destroyed?.periods || cuts.length === 0) return 0;
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM audit_entry e
       JOIN unnest($1::varchar[], $2::int[], $3::bigint[], $4::bigint[]) AS c (topic, partition, start, stop) ON e.topic = c.topic AND e.partition = c.partition AND e."offset" >= c.start AND e."offset" < c.stop
       WHERE e.sealed_period = ANY($5::varchar[])`,
      [cuts.map((c) => c.topic), cuts.map((c) => c.partition), cuts.map((c) => c.start), cuts.map((c) => c.end), destroyed.periods],
    );
    return Number(row.n);
  }

  /** The chain's entries after an offset and before another, in offset order, a page at a time; key and value as stored (sealed: `AuditRecordCipher.open`). */
  async entriesBetween(chain: Chain, afterOffset: string, beforeOffset: string, limit: number): Promise<(ChainEntry & StoredSealing)[]> {
    const rows: EntryRow[] = await this.dataSource.query(
      `SELECT "offset", position, timestamp_ms, key, value, headers, previous_hash, hash, sealed_period FROM audit_entry
       WHERE topic = $1 AND partition = $2 AND "offset" > $3 AND "offset" < $4 ORDER BY "offset" LIMIT $5`,
      [chain.topic, chain.partition, afterOffset, beforeOffset, limit],
    );
    return rows.map((row) => ({
      topic: chain.topic,
      partition: chain.partition,
      offset: row.offset,
      timestamp: row.timestamp_ms,
      key: row.key,
      value: row.value,
      headers: storedHeaders(chain, row),
      headerBytes: row.headers,
      previousHash: row.previous_hash,
      hash: row.hash,
      sealedPeriod: row.sealed_period,
    }));
  }
}
