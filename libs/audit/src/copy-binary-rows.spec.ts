import { HubError } from '@hub/errors';
import { copyBinaryRows } from './copy-binary-rows.js';

/** PostgreSQL's binary COPY output for rows of bytea columns (null for a NULL), with its header and trailer. */
function copyOutput(rows: (Buffer | null)[][]): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const body = rows.map((row) => {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    return Buffer.concat([
      count,
      ...row.flatMap((column) => {
        const length = Buffer.alloc(4);
        length.writeInt32BE(column === null ? -1 : column.length);
        return column === null ? [length] : [length, column];
      }),
    ]);
  });
  return Buffer.concat([header, ...body, Buffer.from([0xff, 0xff])]);
}

async function* inChunks(bytes: Buffer, ...cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

/** Every row read, as its columns' text (null for a NULL). */
async function readAll(chunks: AsyncIterable<Buffer>, columns: number): Promise<(string | null)[][]> {
  const read: (string | null)[][] = [];
  for await (const rows of copyBinaryRows(chunks, columns)) {
    for (let row = 0; row < rows.count; row++) {
      read.push(Array.from({ length: columns }, (_, column) => (rows.isNull(row, column) ? null : rows.data.toString('utf8', rows.start(row, column), rows.end(row, column)))));
    }
  }
  return read;
}

const ROWS = [
  [Buffer.from('{"householdId":"640104-H-000001"}'), null, Buffer.from('')],
  [Buffer.from('key-2'), Buffer.from('{"studentId":"s-2"}'), Buffer.from('ce_id')],
];
const AS_TEXT = ROWS.map((row) => row.map((column) => column?.toString('utf8') ?? null));

describe('reading PostgreSQL binary COPY output in place', () => {
  it('reads every column of every row, an empty value apart from a null', async () => {
    expect(await readAll(inChunks(copyOutput(ROWS)), 3)).toEqual(AS_TEXT);
  });

  it('reads the same rows wherever the stream is cut into chunks', async () => {
    const bytes = copyOutput(ROWS);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await readAll(inChunks(bytes, cut), 3)).toEqual(AS_TEXT);
    }
  });

  it('refuses a stream that ends before its trailer', async () => {
    const bytes = copyOutput(ROWS);

    await expect(readAll(inChunks(bytes.subarray(0, bytes.length - 2)), 3)).rejects.toThrow(HubError);
  });

  it('refuses rows with another number of columns than asked for', async () => {
    await expect(readAll(inChunks(copyOutput(ROWS)), 4)).rejects.toThrow('a COPY row has 3 columns where 4 were asked for');
  });
});
