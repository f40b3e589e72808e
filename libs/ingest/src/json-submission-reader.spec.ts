import fc from 'fast-check';
import { JsonSubmissionReader, TRUNCATED_MARKER } from './json-submission-reader.js';
import { SubmissionError, SubmissionLimitError, type SubmissionEntry } from './submission.js';
import { DEFAULT_SUBMISSION_LIMITS, type SubmissionLimits } from './submission-limits.js';

const limits: SubmissionLimits = { maxRecords: 100, maxRecordBytes: 2000, maxDepth: 8, maxStringLength: 300, maxFields: 20 };
const record = (n: number) => ({ id: `edu-${n}`, type: 'education.student-aid.granted.v1', data: { grantNumber: `ZZ2026-${n}`, amountFen: 62500, note: '资助 "quoted" \\ back' } });

function read(format: 'json' | 'ndjson', chunks: readonly string[], given: SubmissionLimits = limits): SubmissionEntry[] {
  const reader = new JsonSubmissionReader(format, given);
  return [...chunks.flatMap((chunk) => reader.push(chunk)), ...reader.end()];
}

const reasons = (entries: SubmissionEntry[]) => entries.map((e) => ('unreadable' in e ? e.unreadable.reason : 'read'));

describe('reading a JSON or NDJSON submission as it arrives', () => {
  it('reads an array of records the same wherever the body is cut into chunks', () => {
    const body = JSON.stringify([record(1), record(2), record(3)], null, 1);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: body.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), body.length];
        const chunks = at.slice(1).map((end, i) => body.slice(at[i], end));
        expect(read('json', chunks)).toEqual([1, 2, 3].map((n, index) => ({ index, record: record(n) })));
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it('reads a body of one record, an object rather than an array', () => {
    expect(read('json', [' \n', JSON.stringify(record(7)), '\n'])).toEqual([{ index: 0, record: record(7) }]);
  });

  it('reads an empty array as no records', () => {
    expect(read('json', ['[ ]'])).toEqual([]);
  });

  it('reads NDJSON a record per line, skipping blank lines and taking CRLF line ends', () => {
    const body = `${JSON.stringify(record(1))}\r\n\r\n${JSON.stringify(record(2))}\n`;
    expect(read('ndjson', [body.slice(0, 10), body.slice(10)])).toEqual([
      { index: 0, record: record(1) },
      { index: 1, record: record(2) },
    ]);
  });

  it('rejects an NDJSON line that is not JSON on its own, naming the line, and reads the others', () => {
    const entries = read('ndjson', [`${JSON.stringify(record(1))}\nx\n${JSON.stringify(record(3))}`]);
    expect(reasons(entries)).toEqual(['read', expect.stringMatching(/^line 2 is not JSON: /), 'read']);
  });

  it('rejects a malformed record of an array on its own and reads the others', () => {
    const entries = read('json', [`[{"id":}, ${JSON.stringify(record(2))}]`]);
    expect(reasons(entries)).toEqual([expect.stringMatching(/^record 1 is not JSON: /), 'read']);
  });

  it('rejects a record nested 100,000 levels deep, naming the depth limit, without parsing it', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const entries = read('json', [`[${deep}, ${JSON.stringify(record(2))}]`], { ...limits, maxRecordBytes: 1_000_000 });
    expect(reasons(entries)).toEqual(['record 1: the record nests deeper than 8 levels (maxDepth)', 'read']);
  });

  it('rejects a record over the byte limit and keeps only the start of its text, marked as cut', () => {
    const big = { ...record(1), data: { text: 'x'.repeat(250) }, more: Array.from({ length: 15 }, () => 'y'.repeat(250)) };
    const [entry] = read('json', [`[${JSON.stringify(big)}]`]);
    expect(entry).toMatchObject({ index: 0, unreadable: { path: '', reason: 'record 1: the record is larger than 2000 bytes (maxRecordBytes)' } });
    const raw = (entry as { raw: string }).raw;
    expect(raw.endsWith(TRUNCATED_MARKER)).toBe(true);
    expect(raw.length).toBe(1000 + TRUNCATED_MARKER.length);
  });

  it('counts bytes as UTF-8: a record of Chinese text reaches the limit at a third of the characters', () => {
    const chinese = { ...record(1), data: { text: '资'.repeat(300) } };
    expect(reasons(read('json', [JSON.stringify([chinese])], { ...limits, maxStringLength: 1000, maxRecordBytes: 900 }))).toEqual(['record 1: the record is larger than 900 bytes (maxRecordBytes)']);
  });

  it('rejects a record with a string over the length limit or an object with too many fields', () => {
    const longString = { ...record(1), data: { text: 'x'.repeat(301) } };
    const manyFields = { ...record(2), data: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}`, i])) };
    expect(reasons(read('json', [JSON.stringify([longString, manyFields, record(3)])]))).toEqual([
      'record 1: a string is longer than 300 characters (maxStringLength)',
      'record 2: an object has more than 20 fields (maxFields)',
      'read',
    ]);
  });

  it('rejects an element that is not a record object', () => {
    expect(reasons(read('json', ['[1, "two", null]']))).toEqual(Array(3).fill('each record must be an object with id, type and data'));
  });

  it('refuses a request with more records than allowed, before reading the one past the limit', () => {
    const body = `[${Array.from({ length: 4 }, (_, i) => JSON.stringify(record(i))).join(',')}]`;
    expect(() => read('json', [body], { ...limits, maxRecords: 3 })).toThrow(SubmissionLimitError);
    expect(() => read('ndjson', [body.slice(1, -1).replaceAll('},{', '}\n{')], { ...limits, maxRecords: 3 })).toThrow('at most 3 are accepted at once (maxRecords)');
  });

  it.each([
    ['x', 'it must be an array of records or one record'],
    ['', 'the body is empty'],
    [`[${JSON.stringify(record(1))},`, 'the array of records is not closed'],
    [`[${JSON.stringify(record(1))}] x`, 'text follows the end of the array'],
    ['[{"id": "a"}}]', 'a bracket closes what was not opened'],
    ['[{"a": 1},]', 'record 2 is empty'],
    ['[{"a": [1, 2}', 'it ends inside record 1'],
  ])('refuses a body that is not JSON as a whole: %j', (body, message) => {
    expect(() => read('json', [body])).toThrow(SubmissionError);
    expect(() => read('json', [body])).toThrow(message);
  });

  it("has default limits that let a contract's records through with a wide margin", () => {
    expect(DEFAULT_SUBMISSION_LIMITS).toEqual({ maxRecords: 10_000, maxRecordBytes: 262_144, maxDepth: 32, maxStringLength: 65_536, maxFields: 256 });
  });
});
