/**
 * Issue 25, observability: every service answers GET /metrics in the Prometheus text format, and
 * the series that matter move when records flow through the hub.
 */
import type { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, startAudit } from '../support/audit-process.js';
import { contractExample } from '../support/contract-examples.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { startRegistry, type TestRegistry } from '../support/registry-app.js';
import { uniqueName } from '../support/unique-name.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';

/** The samples of a scrape, as `name{labels}` → value. */
async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/metrics`);
  expect([response.status, response.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/plain')]);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) samples.set(match[1], Number(match[2]));
  }
  return samples;
}

/** The sum of the samples of a series whose labels include these. */
const total = (samples: Map<string, number>, name: string, labels: Record<string, string> = {}) =>
  [...samples]
    .filter(([key]) => key.startsWith(`${name}{`) || key === name)
    .filter(([key]) => Object.entries(labels).every(([label, value]) => key.includes(`${label}="${value}"`)))
    .reduce((sum, [, value]) => sum + value, 0);

describe('the services’ metrics, as Prometheus scrapes them', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  let audit: AppProcess;
  const crosscheckGroup = uniqueName('crosscheck').replace(/_/g, '-');
  const auditGroup = uniqueName('audit').replace(/_/g, '-');

  beforeAll(async () => {
    bed = await startGatewayTestBed('service-metrics', { members: [{ id: 'education', role: 'department' }] });
    [crosscheck, audit] = await Promise.all([
      startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 0, name: crosscheckGroup }),
      startAudit(bed.database.url, { topics: ENROLMENT, signingKeyFile: auditKeyFiles().signingKeyFile, name: auditGroup }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([crosscheck?.stop(), audit?.stop()]);
    await bed?.stop();
  });

  it('counts at the gateway each request by route, status and member, refusals included, and each record written by topic', async () => {
    const before = await scrape(bed.url);
    const records = [1, 2, 3].map((i) => ({ id: uniqueName(`metrics-${i}`), type: ENROLMENT, data: contractExample(ENROLMENT) }));
    expect((await bodyOf(await asMember(bed, 'education').post('/v1/events', records))).accepted).toBe(3);
    expect((await fetch(`${bed.url}/v1/findings`)).status).toBe(401);
    const after = await scrape(bed.url);
    const accepted = { method: 'POST', route: '/v1/events', status: '200', member: 'education' };
    expect(total(after, 'hub_http_requests_total', accepted) - total(before, 'hub_http_requests_total', accepted)).toBe(1);
    const refused = { method: 'GET', route: '/v1/findings', status: '401', member: '-' };
    expect(total(after, 'hub_http_requests_total', refused) - total(before, 'hub_http_requests_total', refused)).toBe(1);
    expect(total(after, 'hub_records_published_total', { topic: ENROLMENT }) - total(before, 'hub_records_published_total', { topic: ENROLMENT })).toBe(3);
    expect(total(after, 'hub_http_request_duration_seconds_count', { route: '/v1/events' })).toBeGreaterThan(0);
  });

  it('counts at the crosscheck the records its group consumed, its batches, and the lag of each partition it read', async () => {
    await eventually('the crosscheck to have consumed the records', async () => total(await scrape(crosscheck.url!), 'hub_records_consumed_total', { group: crosscheckGroup, topic: ENROLMENT }) >= 3);
    const samples = await scrape(crosscheck.url!);
    expect(total(samples, 'hub_consumer_batch_records_count', { group: crosscheckGroup })).toBeGreaterThan(0);
    expect([...samples.keys()].some((key) => key.startsWith('hub_consumer_lag_records{') && key.includes(`group="${crosscheckGroup}"`) && key.includes(`topic="${ENROLMENT}"`))).toBe(true);
  });

  it('counts at the audit recorder the records it recorded, and shows its database pool and process', async () => {
    await eventually('the audit to have recorded the records', async () => total(await scrape(audit.url!), 'hub_records_consumed_total', { group: auditGroup, topic: ENROLMENT }) >= 3);
    const samples = await scrape(audit.url!);
    expect(total(samples, 'hub_database_pool_connections', { state: 'open' })).toBeGreaterThan(0);
    expect(total(samples, 'hub_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  describe('the registry', () => {
    let registry: TestRegistry;

    beforeAll(async () => {
      registry = await startRegistry(bed.database);
    });

    afterAll(async () => {
      await registry?.app.close();
    });

    it('counts its requests by route pattern, never by the subject in the path', async () => {
      expect((await fetch(`${registry.url}/subjects/${ENROLMENT}-value/versions/latest`, { headers: registry.as('integration-engineer') })).status).toBe(200);
      const samples = await scrape(registry.url);
      expect(total(samples, 'hub_http_requests_total', { route: '/subjects/:subject/versions/:version', status: '200', member: 'integration-engineer' })).toBe(1);
      expect([...samples.keys()].some((key) => key.includes(ENROLMENT))).toBe(false);
    });
  });
});
