import type { NextFunction, Request, Response } from 'express';
import { HUB_METRICS } from './hub-metrics.js';

type ObservedRequest = Request & { member?: { id: string } };

/**
 * Counts and times every HTTP request when its answer is sent, refusals by a guard included: by
 * the route pattern express matched (never the path, which holds ids), the status, and the member
 * if one authenticated.
 */
export function observeHttpRequest(request: ObservedRequest, response: Response, next: NextFunction): void {
  const timer = HUB_METRICS.httpDuration.startTimer();
  response.once('finish', () => {
    const pattern = (request.route as { path?: string } | undefined)?.path;
    const route = pattern === undefined ? 'unmatched' : `${request.baseUrl}${pattern}`;
    timer({ method: request.method, route });
    HUB_METRICS.httpRequests.inc({ method: request.method, route, status: String(response.statusCode), member: request.member?.id ?? '-' });
  });
  next();
}
