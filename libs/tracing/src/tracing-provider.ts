import { context, propagation, trace } from '@opentelemetry/api';
import type { TracerProvider } from '@opentelemetry/sdk-trace';

let provider: TracerProvider | undefined;

/**
 * Tracing is on only when an OTLP endpoint is configured (the OpenTelemetry variables
 * OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), and not switched off by
 * OTEL_SDK_DISABLED=true; off by default, when the hub makes no span and adds no header.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return endpoint !== undefined && endpoint !== '' && env['OTEL_SDK_DISABLED'] !== 'true';
}

/**
 * Starts this process's tracing when it is configured: spans exported in batches by OTLP over HTTP
 * (the exporter reads the endpoint, headers and timeouts from the standard OTEL_EXPORTER_OTLP_*
 * variables), the W3C trace context propagated (`traceparent`), the context carried across awaits.
 * Returns whether tracing is on.
 */
export async function startTracing(service: string, version: string): Promise<boolean> {
  if (provider) return true;
  if (!tracingConfigured()) return false;
  // The SDK and the exporter are loaded only when tracing is on: a process (and every hub command) starts without them by default.
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }, { BatchSpanProcessor, TracerProvider }] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/core'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace'),
  ]);
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] ?? `hub-${service}`, 'service.namespace': 'ningxia-hub', 'service.version': version }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // What is still buffered is sent before the process ends.
  process.once('beforeExit', () => void provider?.shutdown());
  return true;
}

export const tracingOn = (): boolean => provider !== undefined;

/** Sends the spans still buffered (a stopping app calls it, so its last spans are not lost). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}
