import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Link } from '@opentelemetry/api';
import { tracingOn } from './tracing-provider.js';

/** The W3C Trace Context header, on HTTP requests and on Kafka records alike. */
export const TRACEPARENT_HEADER = 'traceparent';
/** A batch links to at most this many records' traces (a span's links are bounded). */
const MAX_LINKS = 128;

const tracer = () => trace.getTracer('ningxia-hub');

/** Headers with the current trace context added (`traceparent`, `tracestate`), unless tracing is off or they carry one already. */
export function withTraceHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  if (!tracingOn() || headers[TRACEPARENT_HEADER] !== undefined) return { ...headers };
  const carrier: Record<string, string> = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The current span's `traceparent`, to keep with work done later (a finding change waiting in the outbox). */
export function currentTraceparent(): string | undefined {
  if (!tracingOn()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier[TRACEPARENT_HEADER];
}

/** The trace context some headers carry (none: the root context). */
export const traceContextOf = (headers: Readonly<Record<string, string | undefined>>): Context => propagation.extract(ROOT_CONTEXT, headers);

/** Links to the traces of records (each one's `traceparent`), the first 128. */
export function linksOf(headersOfRecords: readonly Readonly<Record<string, string | undefined>>[]): Link[] {
  if (!tracingOn()) return [];
  const links: Link[] = [];
  for (const headers of headersOfRecords) {
    if (links.length >= MAX_LINKS) break;
    if (headers[TRACEPARENT_HEADER] === undefined) continue;
    const spanContext = trace.getSpanContext(traceContextOf(headers));
    if (spanContext && trace.isSpanContextValid(spanContext)) links.push({ context: spanContext });
  }
  return links;
}

export interface SpanOptions {
  kind: 'server' | 'consumer' | 'producer' | 'internal';
  attributes?: Attributes;
  /** The parent, when it is not the current context (a record's, an incoming request's). */
  parent?: Context;
  links?: Link[];
}

const KINDS = { server: SpanKind.SERVER, consumer: SpanKind.CONSUMER, producer: SpanKind.PRODUCER, internal: SpanKind.INTERNAL } as const;

/** Runs work in a span (current while it runs, so what it publishes carries it on); with tracing off, just runs it. */
export async function inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  if (!tracingOn()) return work();
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: KINDS[options.kind], ...(options.attributes ? { attributes: options.attributes } : {}), ...(options.links ? { links: options.links } : {}) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
