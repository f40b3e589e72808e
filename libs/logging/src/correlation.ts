import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** HTTP header a caller may send; the hub echoes it and carries it on as a Kafka header. */
export const CORRELATION_HTTP_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<string>();

export function newCorrelationId(): string {
  return randomUUID();
}

/** The correlation id of the work in hand (an HTTP request, a consumed record), if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function runWithCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}
