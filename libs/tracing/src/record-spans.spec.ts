import { currentTraceparent, inSpan, linksOf, withTraceHeaders } from './record-spans.js';
import { tracingConfigured, tracingOn } from './tracing-provider.js';

describe('tracing, off by default', () => {
  it('is configured only by an OTLP endpoint, and OTEL_SDK_DISABLED=true switches it off', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('when off, adds no trace header to a record and keeps the ones it has', () => {
    expect(tracingOn()).toBe(false);
    expect(withTraceHeaders({ ce_id: 'x' })).toEqual({ ce_id: 'x' });
    expect(currentTraceparent()).toBeUndefined();
  });

  it('when off, runs the work of a span as it is, and links to no trace', async () => {
    await expect(inSpan('process batch', { kind: 'consumer' }, () => Promise.resolve(42))).resolves.toBe(42);
    expect(linksOf([{ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }])).toEqual([]);
  });
});
