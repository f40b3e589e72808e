import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { contractExample } from '../support/contract-examples.js';
import { asMember, bodyOf, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';
import { ENROLMENT_CSV_MAPPING } from '../support/enrolment-csv-mapping.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';

describe('the gateway answers bad input with a 4xx or a rejection of the record, never a 5xx', () => {
  let bed: GatewayTestBed;
  let education: ReturnType<typeof asMember>;
  const send = (body: string | Buffer, headers: Record<string, string>, query = '') =>
    fetch(`${bed.url}/v1/events${query}`, { method: 'POST', headers: { authorization: `Bearer ${bed.keys['education']}`, ...headers }, body });
  const aid = (id = uniqueName('aid')) => ({ id, type: AID, data: contractExample(AID) });
  /** The member's rejection of this id as listed (the gateway also holds rejections of other suites' records on the shared inbound topic). */
  const listedRejection = async (rejectionId: string) => {
    const page = await bodyOf(await education.get(`/v1/rejections?after=${BigInt(rejectionId) - 1n}&limit=1`));
    return page.items.find((r: { rejectionId: string }) => r.rejectionId === rejectionId);
  };

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-hostile-input', { members: [{ id: 'education', role: 'department', maxRequestBytes: 1024 * 1024 }] });
    education = asMember(bed, 'education');
  });

  afterAll(async () => {
    await bed?.stop();
  });

  it('rejects a record nested 100,000 arrays deep on its own, naming the depth limit, and accepts the others', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await send(`[${deep}, ${JSON.stringify(aid())}]`, { 'content-type': 'application/json' });
    expect(response.status).toBe(200);
    const outcome = await bodyOf(response);
    expect(outcome).toMatchObject({ accepted: 1, rejected: 1 });
    expect(outcome.results[0]).toMatchObject({ status: 'rejected', code: 'unreadable', errors: [{ path: '', reason: 'record 1: the record nests deeper than 32 levels (maxDepth)' }] });
  });

  it('rejects a record whose id is 300 characters long, keeps the rejection listable, and accepts the others', async () => {
    const good = aid();
    const response = await education.post('/v1/events', [good, aid('x'.repeat(300))]);
    expect(response.status).toBe(200);
    const outcome = await bodyOf(response);
    expect(outcome).toMatchObject({ accepted: 1, rejected: 1 });
    expect(outcome.results[1]).toMatchObject({ status: 'rejected', code: 'unreadable', errors: [{ path: '/id', reason: 'must be 1 to 200 characters long; it is 300' }] });
    expect(await listedRejection(outcome.results[1].rejectionId)).toMatchObject({ problems: [{ path: '/id' }] });
  });

  it('rejects a record holding a NUL character, naming the field, and keeps it with U+2400 in its place', async () => {
    const outcome = await bodyOf(await education.post('/v1/events', [{ ...aid(), data: { ...contractExample(AID), grantNumber: 'ZZ\u00002026' } }]));
    expect(outcome).toMatchObject({ rejected: 1 });
    expect(outcome.results[0].errors).toEqual([{ path: '/data/grantNumber', reason: 'holds the control character U+0000; text may hold tab, line feed and carriage return, no other' }]);
    expect((await listedRejection(outcome.results[0].rejectionId)).record.data.grantNumber).toBe('ZZ\u24002026');
  });

  it('answers 415 to a media type it does not read, naming the ones it does', async () => {
    const response = await send('<records/>', { 'content-type': 'application/xml' });
    expect(response.status).toBe(415);
    expect((await bodyOf(response)).message).toContain('application/json, application/cloudevents-batch+json, application/x-ndjson, application/jsonl, text/csv');
  });

  it('reads a gzip-encoded body, as departments send large exports', async () => {
    const response = await send(gzipSync(JSON.stringify([aid(), aid()])), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toMatchObject({ accepted: 2 });
  });

  it('answers 400 to a body that says it is gzip and is not', async () => {
    const response = await send(JSON.stringify([aid()]), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).message).toMatch(/^the body is not gzip/);
  });

  it("answers 413 to a gzip bomb as soon as it inflates past the member's limit", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await send(bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).message).toBe("the request body inflates to more than this member's limit of 1048576 bytes; split the batch");
  });

  it('answers 415 to a content encoding it does not read', async () => {
    const response = await send('[]', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(response.status).toBe(415);
  });

  it('answers 413 naming the limit when a request holds more records than allowed, and publishes none of them', async () => {
    const lines = Array.from({ length: 10_001 }, () => '{}').join('\n');
    const response = await send(lines, { 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(413);
    expect(await bodyOf(response)).toMatchObject({ limit: 'maxRecords', value: 10_000 });
  });

  it('answers 400 to a JSON body that is not UTF-8', async () => {
    const response = await send(Buffer.concat([Buffer.from('[{"id":"'), Buffer.from([0xd5, 0xc5]), Buffer.from('"}]')]), { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).message).toBe('the body is not valid UTF-8');
  });

  describe('a CSV export in GBK, as most county systems write it', () => {
    const header = '记录号,学籍号,身份证号,姓名,学校标识码,区划,学段,年级,学期,变动,生效日期';
    const row = (id: string) => `${id},G640104201204150512,640104201204150512,马小军,2164010401,640104,compulsory,9,2026-autumn,enrolled,2026-09-01`;

    beforeAll(async () => {
      expect((await education.put(`/v1/csv-mappings/${ENROLMENT}`, ENROLMENT_CSV_MAPPING)).status).toBe(200);
    });

    it('is read when it declares charset=gbk', async () => {
      const response = await send(iconv.encode(`${header}\n${row(uniqueName('gbk'))}`, 'gbk'), { 'content-type': 'text/csv; charset=gbk' }, `?type=${ENROLMENT}`);
      expect(await bodyOf(response)).toMatchObject({ accepted: 1, charset: { name: 'gb18030', detected: false } });
    });

    it('is read and the answer says GB18030 was detected when it declares no charset', async () => {
      const response = await send(iconv.encode(`${header}\r\n${row(uniqueName('gbk'))}\r\n`, 'gbk'), { 'content-type': 'text/csv' }, `?type=${ENROLMENT}`);
      expect(await bodyOf(response)).toMatchObject({ accepted: 1, charset: { name: 'gb18030', detected: true } });
    });

    it('is read as UTF-8 with a byte-order mark', async () => {
      const response = await send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\n${row(uniqueName('bom'))}`)]), { 'content-type': 'text/csv' }, `?type=${ENROLMENT}`);
      expect(await bodyOf(response)).toMatchObject({ accepted: 1, charset: { name: 'utf-8', detected: true } });
    });

    it('answers 415 to a charset it does not read', async () => {
      const response = await send(`${header}\n`, { 'content-type': 'text/csv; charset=big5' }, `?type=${ENROLMENT}`);
      expect(response.status).toBe(415);
    });
  });
});
