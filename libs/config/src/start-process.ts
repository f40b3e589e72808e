import { startTracing } from '@hub/tracing';
import { ConfigError } from './config-error.js';
import { serviceVersion } from './service-version.js';

/**
 * Runs a process's start-up, the one way every app starts: a bad setting stops it naming the
 * setting (the message says it all), anything else with the process's name and the stack.
 */
export function startProcess(name: string, bootstrap: () => Promise<void>): void {
  // Tracing first, so the first request and record are traced (when OTLP is configured; off by default).
  startTracing(process.env['SERVICE_NAME'] ?? name.replace(/\s+/g, '-'), serviceVersion())
    .then(bootstrap)
    .catch((error: unknown) => {
      process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${name} failed to start: ${String((error as Error | undefined)?.stack ?? error)}\n`);
      process.exit(1);
    });
}
