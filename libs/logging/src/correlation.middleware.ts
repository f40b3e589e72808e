import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithCorrelation } from './correlation.js';

/**
 * Makes the request's correlation id (assigned by the HTTP logger from `x-correlation-id`, or new)
 * the current one, so whatever the request publishes carries it on to Kafka.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void): void {
    if (typeof req.id === 'string') runWithCorrelation(req.id, next);
    else next();
  }
}
