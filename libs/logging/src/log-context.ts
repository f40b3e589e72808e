import { PinoLogger } from 'nestjs-pino';

let contextRunner: PinoLogger | undefined;

/**
 * Runs work with fields bound to every log line written inside it (topic, partition, offset,
 * correlationId), through the same async context nestjs-pino uses for HTTP requests.
 */
export function runInLogContext<T>(bindings: Record<string, unknown>, work: () => T): T {
  contextRunner ??= new PinoLogger({});
  return contextRunner.runInContext(work, { bindings, inherit: true });
}
