import { join } from 'node:path';
import { findProjectRoot, freePort, type LocalKafkaBrokerOptions } from '@hub/local-infra';

/**
 * A Kafka broker of a suite's own, its data in `<folder>/kafka`, without authentication and quiet:
 * for a suite that stops or kills its broker, or whose apps read every topic from its beginning
 * (on the shared broker they would read every other suite's records too). Start it, and start it
 * again after a kill, with `LocalKafkaBroker.start(options)`.
 */
export async function ownBrokerOptions(folder: string): Promise<LocalKafkaBrokerOptions> {
  return { projectRoot: findProjectRoot(), dataDir: join(folder, 'kafka'), port: await freePort(), controllerPort: await freePort(), heapMb: 384, log: () => undefined };
}
