import { ErrorCode, HubError } from '@hub/errors';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (int32), header extension length (int32). */
const HEADER_BYTES = SIGNATURE.length + 8;

/**
 * The whole rows that arrived in one piece of a binary COPY stream, read in place: where each
 * column's bytes lie in `data`, rather than a Buffer per column, so reading millions of rows makes
 * no Buffer per row.
 */
export class BinaryRows {
  constructor(
    readonly data: Buffer,
    readonly count: number,
    private readonly columns: number,
    /** Per row and column, the start of its bytes and their length (-1 for null). */
    private readonly places: Int32Array,
  ) {}

  start(row: number, column: number): number {
    return this.places[2 * (row * this.columns + column)];
  }

  /** Where the column's bytes end; at its start for a null. */
  end(row: number, column: number): number {
    const at = 2 * (row * this.columns + column);
    return this.places[at] + Math.max(this.places[at + 1], 0);
  }

  isNull(row: number, column: number): boolean {
    return this.places[2 * (row * this.columns + column) + 1] === -1;
  }
}

/**
 * Reads the rows of a `COPY ... TO STDOUT (FORMAT binary)` stream of `columns` columns as they
 * arrive, a chunk's worth at a time; a row split between chunks is read with the next one.
 */
export async function* copyBinaryRows(chunks: AsyncIterable<Buffer>, columns: number): AsyncGenerator<BinaryRows> {
  let pending: Buffer = Buffer.alloc(0);
  let headerRead = false;
  let ended = false;
  let places: Int32Array = new Int32Array(2 * columns * 64);
  for await (const chunk of chunks) {
    const data = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    if (!headerRead) {
      if (data.length < HEADER_BYTES || data.length < HEADER_BYTES + data.readInt32BE(HEADER_BYTES - 4)) {
        pending = data;
        continue;
      }
      if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new HubError(ErrorCode.UnexpectedDatabaseResponse, "the COPY output is not in PostgreSQL's binary format");
      at = HEADER_BYTES + data.readInt32BE(HEADER_BYTES - 4);
      headerRead = true;
    }
    let count = 0;
    while (!ended && data.length - at >= 2) {
      const fields = data.readInt16BE(at);
      if (fields === -1) {
        ended = true;
        break;
      }
      if (fields !== columns) throw new HubError(ErrorCode.UnexpectedDatabaseResponse, `a COPY row has ${fields} columns where ${columns} were asked for`);
      if (places.length < 2 * columns * (count + 1)) places = grown(places);
      const first = 2 * columns * count;
      let next = at + 2;
      for (let column = 0; column < columns && next >= 0; column++) {
        if (data.length - next < 4) next = -1;
        else {
          const length = data.readInt32BE(next);
          next += 4;
          if (length > 0 && data.length - next < length) next = -1;
          else {
            places[first + 2 * column] = next;
            places[first + 2 * column + 1] = length;
            if (length > 0) next += length;
          }
        }
      }
      // The row goes on in the next chunk.
      if (next < 0) break;
      count++;
      at = next;
    }
    pending = data.subarray(at);
    if (count > 0) {
      yield new BinaryRows(data, count, columns, places);
      // A caller may keep the rows it was given: the next chunk's places go in an array of their own.
      places = new Int32Array(places.length);
    }
  }
  if (!ended) throw new HubError(ErrorCode.UnexpectedDatabaseResponse, 'the COPY output ended before its trailer');
}

function grown(places: Int32Array): Int32Array {
  const larger = new Int32Array(2 * places.length);
  larger.set(places);
  return larger;
}
