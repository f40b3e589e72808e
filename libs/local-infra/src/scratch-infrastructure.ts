import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { LocalKafkaBroker } from './local-kafka-broker.js';
import { LocalPostgres } from './local-postgres.js';
import { findProjectRoot } from './project-root.js';

export interface ScratchInfrastructureOptions {
  /** Names the temporary folder and the database (`hub_<name>`). */
  name: string;
  /** Start a broker (false: one is given). */
  kafka: boolean;
  /** Start PostgreSQL (false: one is given, or none is needed). */
  postgres: boolean;
  brokerHeapMb: number;
  log: (line: string) => void;
}

/** A run's own Kafka broker (with authentication, as the hub's) and PostgreSQL, on free ports in a temporary folder. */
export interface ScratchInfrastructure {
  broker?: LocalKafkaBroker;
  postgres?: LocalPostgres;
  folder: string;
  /** Stops both and removes the folder; safe after a failed start. */
  stop(): Promise<void>;
}

/**
 * Starts what a test run or a benchmark needs and was not given, both at once: the one launcher of
 * throw-away infrastructure (`npm start` keeps its own in `.hub/`, on the usual ports).
 */
export async function startScratchInfrastructure(options: ScratchInfrastructureOptions): Promise<ScratchInfrastructure> {
  const folder = await mkdtemp(join(tmpdir(), `hub-${options.name}-`));
  const [brokerStart, postgresStart] = await Promise.allSettled([
    options.kafka
      ? (async () =>
          LocalKafkaBroker.start({
            projectRoot: findProjectRoot(),
            dataDir: join(folder, 'kafka'),
            port: await freePort(),
            controllerPort: await freePort(),
            heapMb: options.brokerHeapMb,
            log: options.log,
            secure: true,
          }))()
      : undefined,
    options.postgres
      ? (async () => LocalPostgres.start({ dataDir: join(folder, 'postgres'), ownedFrom: folder, port: await freePort(), database: `hub_${options.name}`, ephemeral: true, log: options.log }))()
      : undefined,
  ]);
  const broker = brokerStart.status === 'fulfilled' ? brokerStart.value : undefined;
  const postgres = postgresStart.status === 'fulfilled' ? postgresStart.value : undefined;
  const stop = async () => {
    await Promise.allSettled([broker?.stop(), postgres?.stop()]);
    await rm(folder, { recursive: true, force: true });
  };
  // One failed: the other is stopped and the folder removed, so a failed start leaves nothing running.
  const failed = [brokerStart, postgresStart].find((start) => start.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    ...(broker ? { broker } : {}),
    ...(postgres ? { postgres } : {}),
    folder,
    stop,
  };
}
