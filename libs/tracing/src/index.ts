export { currentTraceparent, inSpan, linksOf, traceContextOf, TRACEPARENT_HEADER, withTraceHeaders, type SpanOptions } from './record-spans.js';
export { flushTracing, startTracing, tracingConfigured, tracingOn } from './tracing-provider.js';
export { TraceRequestsMiddleware } from './trace-requests.middleware.js';
