/**
 * The audit service on the real broker and database: it records every record of the topics it
 * follows in hash chains, seals them with signed checkpoints, refuses changes, and `hub audit
 * verify` finds each kind of tampering in a copy of the recorded store.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { encodeChainHeaders, entryHash, signCheckpoint } from '@hub/audit-chain';
import { toKafkaBinary } from '@hub/contracts';
import { checkpointRecords, openAuditStore, readPublishedCheckpoints, verifyAuditStore, type AuditStore, type Chain } from '@hub/audit';
import { committedGroupOffsets, createKafkaClient, HubProducer, type OutboundRecord } from '@hub/messaging';
import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, openedEntries, startAudit } from '../support/audit-process.js';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { runCli } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createTestTopics, testKafkaBrokers, testKafkaEnv, testKafkaSettings } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const STATUS = 'civil-affairs.household-status.changed.v1';
const prefix = uniqueName('audited');
const canonicalTopic = `${prefix}.${STATUS}`;
const accessLogTopic = `${prefix}.access-log`;
const checkpointTopic = `${prefix}-audit-checkpoints`;
const keys = auditKeyFiles();
/** The audit service's name, which is its consumer group: verify reads how far it committed. */
const auditName = uniqueName('audit').replace(/_/g, '-');

let database: TestDatabase;
let producer: HubProducer;
let audit: AppProcess;
let published = 0;

function statusEvents(count: number): OutboundRecord[] {
  return Array.from({ length: count }, () => {
    const n = published++;
    const data = { ...contractExample(STATUS), householdId: `640104-H-${String(n).padStart(6, '0')}` };
    const message = toKafkaBinary({ specversion: '1.0', id: `status-${prefix}-${n}`, source: 'civil-affairs', type: STATUS, time: new Date().toISOString(), data }, data.householdId);
    return { topic: canonicalTopic, ...message };
  });
}

/** Published to the access log at the start. */
const ACCESS_DECISIONS = 20;
const accessDecision = (n: number): OutboundRecord => ({
  topic: accessLogTopic,
  key: 'education',
  value: JSON.stringify({ member: 'education', action: 'read-findings', allowed: true, at: new Date().toISOString(), n }),
});

const countEntries = async (topic?: string) => Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entry${topic ? ' WHERE topic = $1' : ''}`, topic ? [topic] : []))[0].n);

const verify = (db: TestDatabase, publicKeyFile = keys.publicKeyFile) =>
  runCli(
    ['audit', 'verify', '--database', db.url, '--public-key', publicKeyFile, '--brokers', testKafkaBrokers().join(','), '--checkpoint-topic', checkpointTopic, '--audit-group', auditName],
    testKafkaEnv(),
  );

beforeAll(async () => {
  database = await createTestDatabase('audit');
  await createTestTopics([
    { topic: canonicalTopic, numPartitions: 3 },
    { topic: accessLogTopic, numPartitions: 1 },
  ]);
  producer = new HubProducer(createKafkaClient(testKafkaSettings('test-department')));
  await producer.send([...statusEvents(60), ...Array.from({ length: ACCESS_DECISIONS }, (_, i) => accessDecision(i))]);
  audit = await startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile, checkpointTopic, name: auditName });
});

afterAll(async () => {
  await audit?.stop();
  await producer?.disconnect();
  await database?.drop();
});

describe('the audit service', () => {
  it('records every record of the topics it follows, one hash chain per topic partition', async () => {
    await eventually('80 records audited', async () => (await countEntries()) === 80);
    const chains = await database.query<{ topic: string; partition: number; entries: string; first: string; last: string }>(
      'SELECT topic, partition, count(*) AS entries, min(position) AS first, max(position) AS last FROM audit_entry GROUP BY topic, partition ORDER BY topic, partition',
    );
    expect(chains.map((c) => c.topic)).toEqual([accessLogTopic, canonicalTopic, canonicalTopic, canonicalTopic]);
    expect(chains.every((c) => c.first === '1' && c.last === c.entries)).toBe(true);
    const [event] = await database.query<{ event_source: string; event_id: string }>('SELECT event_source, event_id FROM audit_entry WHERE topic = $1 AND event_id = $2', [
      canonicalTopic,
      `status-${prefix}-7`,
    ]);
    expect(event).toMatchObject({ event_source: 'civil-affairs' });
    const opened = (await openedEntries(database.url, canonicalTopic)).find((entry) => entry.headers.some(([name, value]) => name === 'ce_id' && value === `status-${prefix}-7`));
    expect(JSON.parse(opened!.value!.toString())).toMatchObject({ householdId: '640104-H-000007' });
  });

  it("keeps each record's key and value sealed under the key of the month it recorded them in (issue 20)", async () => {
    const stored = await database.query<{ key: Buffer | null; value: Buffer; sealed_period: string }>('SELECT key, value, sealed_period FROM audit_entry WHERE topic = $1', [canonicalTopic]);
    expect(stored.filter((row) => row.value.includes('640104-H-') || row.key?.includes('640104-H-'))).toEqual([]);
    expect(new Set(stored.map((row) => row.sealed_period))).toEqual(new Set([new Date().toISOString().slice(0, 7)]));
  });

  it('seals the chains with checkpoints up to their last entry', async () => {
    await eventually('every chain sealed up to its head', async () => {
      const unsealed = await database.query(
        `SELECT c.topic, c.partition FROM audit_chain c
         WHERE c.topic LIKE $1 AND NOT EXISTS (SELECT 1 FROM audit_checkpoint k WHERE k.topic = c.topic AND k.partition = c.partition
           AND k.entries = (SELECT max(position) FROM audit_entry e WHERE e.topic = c.topic AND e.partition = c.partition))`,
        [`${prefix}.%`],
      );
      return unsealed.length === 0;
    });
  });

  it('publishes every checkpoint it stores on a topic outside the database', async () => {
    const stored = await database.query<{ signature: Buffer }>('SELECT signature FROM audit_checkpoint WHERE topic LIKE $1', [`${prefix}.%`]);
    const published = await readPublishedCheckpoints(testKafkaSettings('test-auditor'), checkpointTopic);
    const publishedSignatures = new Set(published.checkpoints.map((checkpoint) => checkpoint.signature.toString('base64')));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((row) => !publishedSignatures.has(row.signature.toString('base64')))).toEqual([]);
  });

  it('records a topic created after it started', async () => {
    const lateTopic = `${prefix}.late`;
    await createTestTopics([{ topic: lateTopic, numPartitions: 1 }]);
    await producer.send(Array.from({ length: 5 }, (_, i) => ({ topic: lateTopic, key: null, value: JSON.stringify({ late: i }) })));
    await eventually('the late topic audited', async () => (await countEntries(lateTopic)) === 5, 90_000);
  });

  it('refuses to update, delete or truncate what it recorded', async () => {
    await expect(database.query(`UPDATE audit_entry SET value = 'null' WHERE topic = $1`, [canonicalTopic])).rejects.toThrow(/append-only: UPDATE on audit_entry/);
    await expect(database.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/append-only: DELETE on audit_checkpoint/);
    await expect(database.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only: TRUNCATE on audit_entry/);
  });

  it('continues each chain after a restart without recording anything twice', async () => {
    await audit.stop();
    await producer.send(statusEvents(30));
    audit = await startAudit(database.url, { topics: `^${prefix}\\.`, signingKeyFile: keys.signingKeyFile, checkpointTopic, name: auditName });
    await eventually('the records published while it was down audited', async () => (await countEntries(canonicalTopic)) === 90);
    const run = await verify(database);
    expect(run.stdout).toMatch(/^intact: \d+ chains, 115 entries/m);
    expect(run.code).toBe(0);
  });

  it('is verified intact while it goes on recording, though it commits records beyond the heads the walk reads', async () => {
    const { store, close } = await openAuditStore(database.url);
    const settings = testKafkaSettings('test-auditor');
    const committedTotal = async () => (await committedGroupOffsets(settings, auditName, [canonicalTopic])).reduce((sum, o) => sum + Math.max(0, Number(o.offset)), 0);
    try {
      // The real store, its heads read at the moment the audit stores and commits more: a live hub's
      // audit appends while an auditor verifies (the access log gets the verify's own access).
      const recording = Object.create(store) as AuditStore;
      recording.heads = async () => {
        const heads = await store.heads();
        const before = await committedTotal();
        await producer.send(statusEvents(9));
        await eventually('the 9 records audited and committed', async () => (await committedTotal()) === before + 9);
        return heads;
      };
      const verification = await verifyAuditStore(recording, [createPublicKey(readFileSync(keys.publicKeyFile))], { broker: settings, auditGroup: auditName });
      expect(verification.breaks).toEqual([]);
      expect(verification.broker?.partitions).toBe(verification.chains);
    } finally {
      await close();
    }
  });
});

describe('the audit store', () => {
  it("stays usable after a chain's read is stopped part-way: every chain reads in full again, more times than it has connections", async () => {
    // A chain long enough to come in many pieces, so the read is stopped in the middle of its COPY.
    await producer.send(
      Array.from({ length: 1500 }, (_, i) => ({
        topic: accessLogTopic,
        key: 'education',
        value: JSON.stringify({ member: 'education', action: 'read-findings', allowed: true, n: i, ids: 'f'.repeat(1000) }),
      })),
    );
    await eventually('the access log audited', async () => (await countEntries(accessLogTopic)) === ACCESS_DECISIONS + 1500, 60_000);
    const { store, close } = await openAuditStore(database.url);
    try {
      const chains = (await store.chains()).filter((chain) => chain.topic.startsWith(`${prefix}.`));
      const recorded = await countEntries();
      let batches = 0;
      for await (const batch of store.streamEntries({ topic: accessLogTopic, partition: 0 }, String(Number.MAX_SAFE_INTEGER))) if (batch.count > 0 && ++batches === 2) break;
      const readInFull = async (chain: Chain) => {
        let entries = 0;
        for await (const batch of store.streamEntries(chain, String(Number.MAX_SAFE_INTEGER))) entries += batch.count;
        return entries;
      };
      const rounds = [];
      for (let round = 0; round < 4; round++) rounds.push(await Promise.all(chains.map(readInFull)));

      expect(batches).toBe(2);
      expect(rounds.map((entries) => entries.reduce((sum, n) => sum + n, 0))).toEqual([recorded, recorded, recorded, recorded]);
    } finally {
      await close();
    }
  });
});

describe('hub audit verify on damaged copies of the store', () => {
  let recorded: TestDatabase;
  // Tampering goes around the store's refusal, as someone with the database owner's rights could.
  const tamper = async (db: TestDatabase, ...statements: [string, unknown[]?][]) => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      for (const [sql, params] of statements) await client.query(sql, params);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  };
  const damaged: TestDatabase[] = [];
  const copy = async () => {
    const db = await recorded.copy('audit_damaged');
    damaged.push(db);
    return db;
  };
  const partitionWithMostEntries = async (db: TestDatabase) =>
    (await db.query<{ partition: number }>('SELECT partition FROM audit_entry WHERE topic = $1 GROUP BY partition ORDER BY count(*) DESC LIMIT 1', [canonicalTopic]))[0].partition;

  beforeAll(async () => {
    await audit.stop();
    recorded = database;
  });

  afterAll(async () => {
    for (const db of damaged) await db.drop();
  });

  it('finds the undamaged copy intact, and as the published checkpoints say', async () => {
    const run = await verify(await copy());
    expect(run.stdout).toMatch(new RegExp(`^intact: .*; \\d+ checkpoints published on ${checkpointTopic} agree with it`, 'm'));
    expect(run.code).toBe(0);
  });

  it('names the record whose value was modified', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    await tamper(db, ['UPDATE audit_entry SET value = set_byte(value, 40, get_byte(value, 40) # 1) WHERE topic = $1 AND partition = $2 AND position = 4', [canonicalTopic, partition]]);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN entry-modified at ${canonicalTopic.replace(/\./g, '\\.')}/${partition} offset 3 \\(entry 4\\)`));
    expect(run.code).toBe(1);
  });

  it('finds a deleted record at the entry after it', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    await tamper(db, ['DELETE FROM audit_entry WHERE topic = $1 AND partition = $2 AND position = 5', [canonicalTopic, partition]]);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN link-broken at .*/${partition} offset 5 `));
    expect(run.code).toBe(1);
  });

  it('finds records removed from the end of a sealed chain', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    const [head] = await db.query<{ position: string; offset: string }>('SELECT position, "offset" FROM audit_entry WHERE topic = $1 AND partition = $2 ORDER BY "offset" DESC LIMIT 1', [
      canonicalTopic,
      partition,
    ]);
    await tamper(db, ['DELETE FROM audit_entry WHERE topic = $1 AND partition = $2 AND position > $3', [canonicalTopic, partition, Number(head.position) - 3]]);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN entries-missing at .*/${partition} offset ${head.offset} \\(entry ${head.position}\\)`));
    expect(run.code).toBe(1);
  });

  it('finds the end of a chain removed together with the checkpoints that sealed it, by the published checkpoints', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    const [head] = await db.query<{ position: string; offset: string }>('SELECT position, "offset" FROM audit_entry WHERE topic = $1 AND partition = $2 ORDER BY "offset" DESC LIMIT 1', [
      canonicalTopic,
      partition,
    ]);
    const kept = Number(head.position) - 3;
    await tamper(
      db,
      ['DELETE FROM audit_entry WHERE topic = $1 AND partition = $2 AND position > $3', [canonicalTopic, partition, kept]],
      ['DELETE FROM audit_checkpoint WHERE topic = $1 AND partition = $2 AND entries > $3', [canonicalTopic, partition, kept]],
    );
    const storeAlone = await runCli(['audit', 'verify', '--database', db.url, '--public-key', keys.publicKeyFile, '--no-published-checkpoints']);
    expect(storeAlone.stdout).toMatch(/^intact: /m);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN entries-missing at .*/${partition} offset ${head.offset} \\(entry ${head.position}\\): .*published on ${checkpointTopic}`));
    expect(run.code).toBe(1);
  });

  it('finds entries dropped from the end of a chain by the offsets the audit committed it had stored', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    const last = await db.query<{ position: string; offset: string }>('SELECT position, "offset" FROM audit_entry WHERE topic = $1 AND partition = $2 ORDER BY "offset" DESC LIMIT 3', [
      canonicalTopic,
      partition,
    ]);
    const firstDropped = last.at(-1)!;
    await tamper(
      db,
      ['DELETE FROM audit_entry WHERE topic = $1 AND partition = $2 AND "offset" >= $3', [canonicalTopic, partition, firstDropped.offset]],
      ['DELETE FROM audit_checkpoint WHERE topic = $1 AND partition = $2 AND entries >= $3', [canonicalTopic, partition, firstDropped.position]],
    );
    const run = await verify(db);
    expect(run.stdout).toMatch(
      new RegExp(`BROKEN offset-skipped at .*/${partition} offset ${firstDropped.offset} .*the broker holds a record at offset ${firstDropped.offset} that the chain skips \\(3 such offset`),
    );
    expect(run.code).toBe(1);
  });

  it('finds a row forged ahead of the head, with a correctly computed hash, beyond the end of its partition on the broker', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    const [head] = await db.query<{ position: string; offset: string; hash: Buffer }>(
      'SELECT position, "offset", hash FROM audit_entry WHERE topic = $1 AND partition = $2 ORDER BY "offset" DESC LIMIT 1',
      [canonicalTopic, partition],
    );
    const offset = String(Number(head.offset) + 1000);
    const forged = { topic: canonicalTopic, partition, offset, timestamp: String(Date.now()), key: Buffer.from('640104-H-999999'), value: Buffer.from('{"forged":true}'), headers: [] };
    await tamper(db, [
      `INSERT INTO audit_entry (topic, partition, "offset", position, timestamp_ms, key, value, headers, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [canonicalTopic, partition, offset, Number(head.position) + 1, forged.timestamp, forged.key, forged.value, encodeChainHeaders(forged.headers), head.hash, entryHash(head.hash, forged)],
    ]);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN beyond-partition-end at .*/${partition} offset ${offset} `));
    expect(run.code).toBe(1);
  });

  it('finds two records that were swapped', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    await tamper(
      db,
      [`UPDATE audit_entry SET "offset" = -1 WHERE topic = $1 AND partition = $2 AND "offset" = 2`, [canonicalTopic, partition]],
      [`UPDATE audit_entry SET "offset" = 2 WHERE topic = $1 AND partition = $2 AND "offset" = 3`, [canonicalTopic, partition]],
      [`UPDATE audit_entry SET "offset" = 3 WHERE topic = $1 AND partition = $2 AND "offset" = -1`, [canonicalTopic, partition]],
    );
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN link-broken at .*/${partition} offset 2 `));
    expect(run.code).toBe(1);
  });

  it('finds a forged record inserted with a correctly computed hash', async () => {
    const db = await copy();
    const partition = await partitionWithMostEntries(db);
    const [before] = await db.query<{ hash: Buffer }>('SELECT hash FROM audit_entry WHERE topic = $1 AND partition = $2 AND "offset" = 3', [canonicalTopic, partition]);
    const forged = { topic: canonicalTopic, partition, offset: '4', timestamp: String(Date.now()), key: Buffer.from('640104-H-999999'), value: Buffer.from('{"forged":true}'), headers: [] };
    await tamper(
      db,
      [`UPDATE audit_entry SET "offset" = "offset" + 1000 WHERE topic = $1 AND partition = $2 AND "offset" >= 4`, [canonicalTopic, partition]],
      [`UPDATE audit_entry SET "offset" = "offset" - 999 WHERE topic = $1 AND partition = $2 AND "offset" >= 1004`, [canonicalTopic, partition]],
      [
        `INSERT INTO audit_entry (topic, partition, "offset", position, timestamp_ms, key, value, headers, previous_hash, hash) VALUES ($1, $2, 4, 5, $3, $4, $5, $6, $7, $8)`,
        [canonicalTopic, partition, forged.timestamp, forged.key, forged.value, encodeChainHeaders(forged.headers), before.hash, entryHash(before.hash, forged)],
      ],
    );
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN link-broken at .*/${partition} offset 5 `));
    expect(run.code).toBe(1);
  });

  it('finds a checkpoint re-signed with another key', async () => {
    const db = await copy();
    const [row] = await db.query<{ topic: string; partition: number; entries: string; last_offset: string; head_hash: Buffer; sealed_at: Date }>(
      'SELECT topic, partition, entries, last_offset, head_hash, sealed_at FROM audit_checkpoint WHERE topic = $1 ORDER BY entries DESC LIMIT 1',
      [canonicalTopic],
    );
    const forged = signCheckpoint(
      { topic: row.topic, partition: row.partition, entries: Number(row.entries), lastOffset: row.last_offset, headHash: row.head_hash, sealedAt: row.sealed_at.toISOString() },
      generateKeyPairSync('ed25519').privateKey,
    );
    await tamper(db, [
      'UPDATE audit_checkpoint SET key_id = $1, signature = $2 WHERE topic = $3 AND partition = $4 AND entries = $5',
      [forged.keyId, forged.signature, row.topic, row.partition, row.entries],
    ]);
    const run = await verify(db);
    expect(run.stdout).toMatch(new RegExp(`BROKEN checkpoint-signature at .*/${row.partition} offset ${row.last_offset} .*not signed by a trusted key \\(it names key ${forged.keyId}\\)`));
    expect(run.code).toBe(1);
  });

  // Last: it leaves a foreign checkpoint on the suite's checkpoint topic.
  it('does not call the store intact while a checkpoint signed by a key it does not trust is published, unless told to leave it out', async () => {
    const db = await copy();
    const [row] = await db.query<{ topic: string; partition: number; entries: string; last_offset: string; head_hash: Buffer; sealed_at: Date }>(
      'SELECT topic, partition, entries, last_offset, head_hash, sealed_at FROM audit_checkpoint ORDER BY entries DESC LIMIT 1',
    );
    const foreign = signCheckpoint(
      { topic: row.topic, partition: row.partition, entries: Number(row.entries), lastOffset: row.last_offset, headHash: row.head_hash, sealedAt: row.sealed_at.toISOString() },
      generateKeyPairSync('ed25519').privateKey,
    );
    const producer = new HubProducer(createKafkaClient(testKafkaSettings('test-foreign-sealer')));
    await producer.send(checkpointRecords(checkpointTopic, [foreign]));
    await producer.disconnect();
    const run = await verify(db);
    expect(run.stdout).toMatch(/^NOT VERIFIED: 1 checkpoint\(s\) published on .* are signed by keys this verify does not trust/m);
    expect(run.code).toBe(1);
    const leftOut = await runCli(
      ['audit', 'verify', '--database', db.url, '--public-key', keys.publicKeyFile, '--brokers', testKafkaBrokers().join(','), '--checkpoint-topic', checkpointTopic, '--ignore-untrusted-checkpoints'],
      testKafkaEnv(),
    );
    expect(leftOut.stdout).toMatch(/^intact: .*\(left out: 1 naming keys not trusted\)/m);
    expect(leftOut.code).toBe(0);
  });
});
