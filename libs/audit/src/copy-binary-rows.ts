import { ErrorCode, HubError } from '@hub/errors';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (int32), header extension length (int32). */
const HEADER_BYTES = SIGNATURE.length + 8;

/** A row as PostgreSQL's binary COPY format gives it: each column's bytes in its binary form, or null. */
export type BinaryRow = (Buffer | null)[];

/**
 * Reads the rows of a `COPY ... TO STDOUT (FORMAT binary)` stream as they arrive, a chunk's worth
 * at a time. Column values are views into the chunks, not copies.
 */
export async function* copyBinaryRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<BinaryRow[]> {
  let pending: Buffer = Buffer.alloc(0);
  let headerRead = false;
  let ended = false;
  for await (const chunk of chunks) {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    if (!headerRead) {
      if (data.length < HEADER_BYTES || data.length < HEADER_BYTES + data.readInt32BE(HEADER_BYTES - 4)) {
        pending = data;
        continue;
      }
      if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new HubError(ErrorCode.UnexpectedDatabaseResponse, 'the COPY output is not in PostgreSQL\'s binary format');
      at = HEADER_BYTES + data.readInt32BE(HEADER_BYTES - 4);
      headerRead = true;
    }
    const rows: BinaryRow[] = [];
    while (!ended && data.length - at >= 2) {
      const columns = data.readInt16BE(at);
      if (columns === -1) {
        ended = true;
        break;
      }
      const row: BinaryRow = [];
      let next = at + 2;
      for (let column = 0; column < columns && next >= 0; column++) {
        if (data.length - next < 4) next = -1;
        else {
          const length = data.readInt32BE(next);
          next += 4;
          if (length === -1) row.push(null);
          else if (data.length - next < length) next = -1;
          else {
            row.push(data.subarray(next, next + length));
            next += length;
          }
        }
      }
      // The row goes on in the next chunk.
      if (next < 0) break;
      rows.push(row);
      at = next;
    }
    pending = data.subarray(at);
    if (rows.length > 0) yield rows;
  }
  if (!ended) throw new HubError(ErrorCode.UnexpectedDatabaseResponse, 'the COPY output ended before its trailer');
}
