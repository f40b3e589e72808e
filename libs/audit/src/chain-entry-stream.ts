import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { StoredEntry } from '@hub/audit-chain';
import type { Chain } from './audit-store.js';
import { copyBinaryRows } from './copy-binary-rows.js';

/** A text as an SQL literal (COPY takes no parameters). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** An int8 in COPY's binary form as decimal digits; through Number while it is exact, which is cheaper than BigInt. */
function int8Text(bytes: Buffer): string {
  const high = bytes.readInt32BE(0);
  return high >= 0 && high < 0x200000 ? String(high * 0x1_0000_0000 + bytes.readUInt32BE(4)) : bytes.readBigInt64BE().toString();
}

/**
 * A chain's entries up to an offset, in offset order, as stored, as PostgreSQL streams them: COPY
 * in its binary format gives keys, values, headers and hashes as raw bytes, where a query gives
 * them as hex text to decode (reading the rows that way costs more than hashing them).
 */
export async function* streamChainEntries(client: pg.ClientBase, chain: Chain, upToOffset: string): AsyncGenerator<StoredEntry[]> {
  if (!Number.isInteger(chain.partition) || !/^-?\d+$/.test(upToOffset)) throw new RangeError(`not a partition and offset: ${chain.partition}, ${upToOffset}`);
  const rows = client.query(
    copyTo(
      `COPY (SELECT "offset", timestamp_ms, key, value, headers, previous_hash, hash FROM audit_entry
       WHERE topic = ${literal(chain.topic)} AND partition = ${chain.partition} AND "offset" <= ${upToOffset} ORDER BY "offset") TO STDOUT (FORMAT binary)`,
    ),
  );
  for await (const page of copyBinaryRows(rows)) {
    yield page.map(([offset, timestamp, key, value, headers, previousHash, hash]) => ({
      offset: int8Text(offset!),
      timestamp: int8Text(timestamp!),
      key: key ?? null,
      value: value ?? null,
      headerBytes: headers!,
      previousHash: previousHash!,
      hash: hash!,
    }));
  }
}
