/**
 * The baseline of `hub audit verify`, in a process of its own like the command: PostgreSQL
 * streaming every chain of the audit store as the verification reads it (a binary COPY in offset
 * order by the chain's index, two chains at a time), but only the stored columns, as they are
 * (verify also asks for offset and timestamp as text and for room to hash in), counted and thrown
 * away. Prints the rate as JSON.
 *
 *   node dist/bench/raw-store-read-process.js <database url>
 */
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const [databaseUrl = ''] = process.argv.slice(2);
if (!databaseUrl) throw new Error('usage: raw-store-read-process.js <database url>');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const chains = (await pool.query<{ topic: string; partition: number }>('SELECT topic, partition FROM audit_chain ORDER BY topic, partition')).rows;
let entries = 0;
let next = 0;
const readChain = async ({ topic, partition }: { topic: string; partition: number }) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
    const rows = client.query(
      copyTo(
        `COPY (SELECT "offset", timestamp_ms, key, value, headers, previous_hash, hash FROM audit_entry
         WHERE topic = ${client.escapeLiteral(topic)} AND partition = ${partition} ORDER BY "offset") TO STDOUT (FORMAT binary)`,
      ),
    );
    rows.resume();
    await finished(rows);
    entries += rows.rowCount;
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }
};
const started = performance.now();
await Promise.all(
  [0, 1].map(async () => {
    for (let i = next++; i < chains.length; i = next++) await readChain(chains[i]);
  }),
);
const seconds = (performance.now() - started) / 1000;
await pool.end();
process.stdout.write(`${JSON.stringify({ entries, entriesPerSecond: entries / seconds, seconds })}\n`);
