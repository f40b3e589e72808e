import fc from 'fast-check';
import iconv from 'iconv-lite';
import { contractExample } from '../support/contract-examples.js';

/** Stands for a record id in generated bodies; each send puts a fresh id of the run in its place. */
export const ID = '__HUB_FUZZ_ID__';
export const AID = 'education.student-aid.granted.v1';
export const ENROLMENT = 'education.student-enrolment.changed.v1';

/** A body as sent to POST /v1/events: bytes, and the headers that say what they are. */
export interface FuzzBody {
  body: Buffer;
  contentType: string;
  contentEncoding?: string;
  /** Gzip the body once its ids are in place (else it is sent as generated, which need not be gzip). */
  gzipOnSend?: boolean;
  query?: string;
}

const validAid = () => ({ id: ID, type: AID, data: contractExample(AID) });

/** Text that breaks what readers expect: controls, quotes, brackets, surrogates, Chinese, long runs. */
const nastyString = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\n', '\r', '"', '\\', '{', '}', '[', ']', ',', ':', '\ud800', '\udfff', '资', 'x'), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.nat(300_000).map((n) => 'x'.repeat(n)) },
);

/** A record whose data nests `depth` levels, as JSON text (an object that deep would overflow JSON.stringify). */
const nestedText = (depth: number, asObject: boolean): string => {
  const [open, close] = asObject ? ['{"a":', '}'] : ['[', ']'];
  return `{"id":"${ID}","type":"${AID}","data":${open.repeat(depth)}1${close.repeat(depth)}}`;
};

/** One element of a submission as JSON text: valid, subtly broken, or hostile. */
const record: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).map(() => JSON.stringify(validAid())) },
  {
    weight: 2,
    arbitrary: fc
      .record({ field: fc.constantFrom('id', 'type', 'time', 'data'), value: fc.oneof(fc.jsonValue(), nastyString) })
      .map(({ field, value }) => JSON.stringify({ ...validAid(), [field]: value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ field: fc.constantFrom('grantNumber', 'idNumber', 'amountFen', 'term', 'extra'), value: fc.oneof(fc.jsonValue(), nastyString) })
      .map(({ field, value }) => JSON.stringify({ ...validAid(), data: { ...contractExample(AID), [field]: value } })),
  },
  { weight: 1, arbitrary: fc.record({ depth: fc.integer({ min: 20, max: 5000 }), asObject: fc.boolean() }).map(({ depth, asObject }) => nestedText(depth, asObject)) },
  { weight: 1, arbitrary: fc.nat(3000).map((n) => JSON.stringify({ ...validAid(), data: { ...contractExample(AID), ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i])) } })) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
);

/** Text of JSON, broken at a random place, or with a random character spliced in. */
const damaged = (text: string) =>
  fc.oneof(
    fc.constant(text),
    fc.nat(text.length).map((at) => text.slice(0, at)),
    fc.record({ at: fc.nat(text.length), insert: nastyString }).map(({ at, insert }) => `${text.slice(0, at)}${insert}${text.slice(at)}`),
  );

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Bytes that are not UTF-8, or not text at all. */
const rawBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(iconv.encode(`[{"id":"${ID}","type":"${AID}","data":{"note":"张三"}}]`, 'gbk')),
);

export const jsonBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(record, { maxLength: 30 })
      .chain((records) => damaged(`[${records.join(',')}]`))
      .map((text) => ({ body: utf8(text), contentType: 'application/json' })),
  },
  { weight: 1, arbitrary: record.chain(damaged).map((text) => ({ body: utf8(text), contentType: 'application/json' })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ depth: fc.integer({ min: 1, max: 200_000 }), open: fc.constantFrom('[', '{"a":', '{') })
      .map(({ depth, open }) => ({ body: utf8(`[${open.repeat(depth)}`), contentType: 'application/json' })),
  },
  { weight: 1, arbitrary: rawBytes.map((body) => ({ body, contentType: 'application/json' })) },
  { weight: 1, arbitrary: fc.array(record, { maxLength: 5 }).map((records) => ({ body: utf8(`[${records.join(',')}]`), contentType: 'application/json', contentEncoding: 'gzip', gzipOnSend: true })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ bytes: rawBytes, encoding: fc.constantFrom('gzip', 'br', 'deflate', 'x-gzip', '') })
      .map(({ bytes, encoding }) => ({ body: bytes, contentType: 'application/json', contentEncoding: encoding })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ text: fc.string({ maxLength: 40 }), type: fc.constantFrom('application/xml', 'text/plain', '', 'application/json; charset=gbk', 'multipart/form-data', '*/*') })
      .map(({ text, type }) => ({ body: utf8(text), contentType: type })),
  },
);

export const ndjsonBody: fc.Arbitrary<FuzzBody> = fc
  .tuple(fc.array(fc.oneof(record, nastyString, fc.constant('')), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .chain(([lines, lineEnd]) => damaged(lines.join(lineEnd)))
  .map((text) => ({ body: utf8(text), contentType: 'application/x-ndjson' }));

const CSV_HEADER = ['记录号', '学籍号', '身份证号', '姓名', '学校标识码', '区划', '学段', '年级', '学期', '变动', '生效日期'];
const csvRow = fc.oneof(
  { weight: 3, arbitrary: fc.constant([ID, 'G640104201204150512', '640104201204150512', '马小军', '2164010401', '640104', 'compulsory', '9', '2026-autumn', 'enrolled', '2026-09-01']) },
  { weight: 2, arbitrary: fc.array(nastyString, { maxLength: 14 }) },
);
const csvCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export const csvBody: fc.Arbitrary<FuzzBody> = fc
  .record({
    rows: fc.array(csvRow, { maxLength: 20 }),
    header: fc.oneof({ weight: 4, arbitrary: fc.constant(CSV_HEADER) }, { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 12 }) }),
    charset: fc.constantFrom('utf-8', 'gbk', undefined, 'big5'),
    bom: fc.boolean(),
    quoting: fc.boolean(),
  })
  .chain(({ rows, header, charset, bom, quoting }) =>
    damaged([header, ...rows].map((row) => row.map((cell) => (quoting ? csvCell(cell) : cell)).join(',')).join('\r\n')).map((text) => {
      const encoded = charset === 'gbk' ? iconv.encode(text, 'gbk') : utf8(text);
      return { body: bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded, contentType: charset ? `text/csv; charset=${charset}` : 'text/csv', query: `?type=${ENROLMENT}` };
    }),
  );

/** A record as a department's client produces it to its inbound topic: headers may be missing, repeated or wrong. */
export interface FuzzKafkaRecord {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string | string[]>;
}

const ceHeaders = { ce_id: ID, ce_type: AID, ce_source: '/systems/fuzz', ce_specversion: '1.0', 'content-type': 'application/json' };
export const kafkaRecord: fc.Arbitrary<FuzzKafkaRecord> = fc
  .record({
    value: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .constant(JSON.stringify(contractExample(AID)))
          .chain(damaged)
          .map(utf8),
      },
      { weight: 1, arbitrary: rawBytes },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((depth) => utf8(`${'['.repeat(depth)}${']'.repeat(depth)}`)) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    drop: fc.subarray(Object.keys(ceHeaders), { maxLength: 2 }),
    repeat: fc.subarray(Object.keys(ceHeaders), { maxLength: 2 }),
    wrong: fc.dictionary(fc.constantFrom(...Object.keys(ceHeaders)), nastyString, { maxKeys: 2 }),
    key: fc.option(fc.string({ maxLength: 20 })),
  })
  .map(({ value, drop, repeat, wrong, key }) => {
    const headers: Record<string, string | string[]> = { ...ceHeaders, ...wrong };
    for (const name of drop) Reflect.deleteProperty(headers, name);
    for (const name of repeat) if (headers[name] !== undefined) headers[name] = [headers[name] as string, `${headers[name] as string}-again`];
    return { key, value, headers };
  });

/** A schema as an integration engineer (or an attacker) might send the registry. */
export const registrySchema: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 60 }),
  fc.record({ depth: fc.integer({ min: 1, max: 30_000 }) }).map(({ depth }) => `${'{"type":"array","items":'.repeat(depth)}{"type":"string"}${'}'.repeat(depth)}`),
  fc
    .record({ pattern: fc.oneof(fc.constantFrom('^(a+)+$', '(a|a)*b', '^(\\w+\\s?)*$', '(a)\\1', '(?=x)', '[', '\\'), fc.string({ maxLength: 20 })), field: fc.constantFrom('grantNumber', 'term') })
    .map(({ pattern, field }) => JSON.stringify({ $id: 'urn:fuzz', type: 'object', properties: { [field]: { type: 'string', pattern, 'x-hub-classification': 'public' } } })),
  fc.constant(JSON.stringify({ $id: 'urn:fuzz', $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' })),
);
