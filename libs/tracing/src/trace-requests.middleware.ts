import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { traceContextOf } from './record-spans.js';
import { tracingOn } from './tracing-provider.js';

type Request = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/**
 * A server span per HTTP request, continuing the caller's trace (`traceparent`) and current while
 * the request is handled, so the records it publishes carry it on to Kafka. Named by the route, not
 * the path: a path may hold ids.
 */
@Injectable()
export class TraceRequestsMiddleware implements NestMiddleware {
  use(req: Request, res: ServerResponse, next: () => void): void {
    if (!tracingOn()) {
      next();
      return;
    }
    const parent = traceContextOf(req.headers as Record<string, string | undefined>);
    const span = trace.getTracer('ningxia-hub').startSpan(req.method ?? 'HTTP', { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '' } }, parent);
    res.once('finish', () => {
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
      if (route) span.updateName(`${req.method ?? 'HTTP'} ${route}`).setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  }
}
