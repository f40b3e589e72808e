/**
 * Issue 25, observability: with an OTLP endpoint configured, a record's trace goes from the
 * department's HTTP request (its W3C `traceparent`) through the gateway, onto Kafka, into the
 * crosscheck's batch, and on with the finding that batch raised.
 */
import { randomBytes } from 'node:crypto';
import type { AppProcess } from '../support/app-process.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import { bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { precariousFamily } from '../support/precarious-family.js';
import { TopicReader } from '../support/topic-reader.js';
import { uniqueName } from '../support/unique-name.js';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CONSUMER = 5;
const traceIdOf = (traceparent: string | undefined) => traceparent?.split('-')[1];

describe('a record traced from the HTTP request to the finding (OpenTelemetry, OTLP)', () => {
  let receiver: OtlpReceiver;
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  let findings: TopicReader;
  // The departments' own traces: each request continues one.
  const household = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
  const enrolment = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
  const family = precariousFamily(1);

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    // Spans go out within a fifth of a second of ending, so the test waits little.
    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' };
    bed = await startGatewayTestBed('record-trace', {
      members: [
        { id: 'civil-affairs', role: 'department' },
        { id: 'education', role: 'department' },
      ],
      env: tracing,
    });
    findings = await TopicReader.start(bed.findingsTopic);
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 0, name: uniqueName('crosscheck').replace(/_/g, '-'), env: tracing });
    const post = async (member: string, records: unknown[], trace: { traceId: string; spanId: string }) => {
      const response = await fetch(`${bed.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bed.keys[member]}`, 'content-type': 'application/json', traceparent: `00-${trace.traceId}-${trace.spanId}-01` },
        body: JSON.stringify(records),
      });
      expect((await bodyOf(response)).accepted).toBe(records.length);
    };
    await post('civil-affairs', [family.household], household);
    await post('education', family.education, enrolment);
  });

  afterAll(async () => {
    await findings?.stop();
    await crosscheck?.stop();
    await bed?.stop();
    await receiver?.stop();
  });

  const spansOf = (predicate: (span: ReceivedSpan) => boolean) => receiver.spans.filter(predicate);

  it("continues the department's trace at the gateway: a server span per request, named by its route, child of the caller's span", async () => {
    await eventually('the gateway to export its request spans', async () => spansOf((span) => span.kind === SPAN_KIND_SERVER && span.traceId === enrolment.traceId).length > 0);
    const [request] = spansOf((span) => span.kind === SPAN_KIND_SERVER && span.traceId === enrolment.traceId);
    expect(request).toMatchObject({ name: 'POST /v1/events', parentSpanId: enrolment.spanId });
    expect(receiver.refused).toEqual([]);
  });

  it("carries the trace onto Kafka: the crosscheck's span for the records continues or links to each request's trace", async () => {
    const continues = (trace: { traceId: string }) => (span: ReceivedSpan) =>
      span.kind === SPAN_KIND_CONSUMER && span.service.includes('crosscheck') && (span.traceId === trace.traceId || span.links.some((link) => link.traceId === trace.traceId));
    await eventually('the crosscheck to export spans of both requests’ records', async () => spansOf(continues(household)).length > 0 && spansOf(continues(enrolment)).length > 0);
  });

  it('announces the finding with the trace of the batch that raised it', async () => {
    // The crosscheck reads the canonical topics from their beginning: findings about other suites' records come too. This family's child is the record key.
    const child = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS)).pseudonymise('person', family.child);
    await eventually('the finding about the family’s child', async () => findings.records.some((record) => record.key === child));
    const finding = findings.records.find((record) => record.key === child);
    const traceId = traceIdOf(finding?.headers['traceparent']);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    // That trace is one the crosscheck's batch spans belong to, and it reaches back to the requests.
    await eventually('the batch span to be exported', async () => spansOf((span) => span.service.includes('crosscheck') && span.traceId === traceId).length > 0);
    const batch = spansOf((span) => span.service.includes('crosscheck') && span.traceId === traceId);
    expect(batch.some((span) => [household.traceId, enrolment.traceId].includes(span.traceId) || span.links.some((link) => [household.traceId, enrolment.traceId].includes(link.traceId)))).toBe(true);
  });
});
