import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freePortRun } from './free-port.js';
import { LocalKafkaBroker } from './local-kafka-broker.js';
import { LocalKafkaCluster, type LocalKafka } from './local-kafka-cluster.js';
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
  /** Kafka nodes: 1, one broker; 3, a cluster that outlives a node (LocalKafkaCluster). Default HUB_KAFKA_NODES, else 1. */
  kafkaNodes?: number;
  /** PostgreSQL loads pg_stat_statements (LocalPostgres's trackStatements). */
  trackStatements?: boolean;
  log: (line: string) => void;
}

/** A run's own Kafka broker (with authentication, as the hub's) and PostgreSQL, on free ports in a temporary folder. */
export interface ScratchInfrastructure {
  broker?: LocalKafka;
  postgres?: LocalPostgres;
  folder: string;
  /** Stops both and removes the folder; safe after a failed start. */
  stop(): Promise<void>;
}

async function startKafka(folder: string, options: ScratchInfrastructureOptions): Promise<LocalKafka> {
  const nodes = options.kafkaNodes ?? Number(process.env['HUB_KAFKA_NODES'] ?? 1);
  const common = { projectRoot: findProjectRoot(), dataDir: join(folder, 'kafka'), heapMb: options.brokerHeapMb, log: options.log, secure: true };
  if (nodes === 1) return LocalKafkaBroker.start({ ...common, port: await freePort(), controllerPort: await freePort() });
  // A cluster's nodes take four ports each, one after the other, from the first.
  return LocalKafkaCluster.start({ ...common, port: await freePortRun(4 * nodes), nodes });
}

/**
 * Starts what a test run or a benchmark needs and was not given, both at once: the one launcher of
 * throw-away infrastructure (`npm start` keeps its own in `.hub/`, on the usual ports).
 */
export async function startScratchInfrastructure(options: ScratchInfrastructureOptions): Promise<ScratchInfrastructure> {
  const folder = await mkdtemp(join(tmpdir(), `hub-${options.name}-`));
  const [brokerStart, postgresStart] = await Promise.allSettled([
    options.kafka ? startKafka(folder, options) : undefined,
    options.postgres
      ? (async () =>
          LocalPostgres.start({
            dataDir: join(folder, 'postgres'),
            ownedFrom: folder,
            port: await freePort(),
            database: `hub_${options.name}`,
            ephemeral: true,
            trackStatements: options.trackStatements ?? false,
            log: options.log,
          }))()
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
