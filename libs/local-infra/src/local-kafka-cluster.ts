import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KafkaSettings } from '@hub/messaging';
import { ensureKafkaDistribution } from './kafka-distribution.js';
import { localBrokerSecurity } from './local-broker-security.js';
import { adminPortOf, LocalKafkaBroker, membersPortOf, newClusterId, type LocalKafkaBrokerOptions } from './local-kafka-broker.js';

export interface LocalKafkaClusterOptions {
  projectRoot: string;
  /** Each node keeps its data in `node-<id>` here; the cluster id and the shared TLS key and administrator password beside them. */
  dataDir: string;
  /** The first node's port; node n (from 1) listens on port + 4 (n − 1) and the three ports after it (controller, members, administrator). */
  port: number;
  nodes: number;
  heapMb?: number;
  log: (line: string) => void;
  secure?: boolean;
}

/** What the hub and its tests need of the local Kafka, whether one broker or a cluster. */
export interface LocalKafka {
  readonly bootstrapServers: string;
  /** The Apache Kafka version it runs. */
  readonly version: string;
  readonly security?: { membersBootstrap: string; admin: KafkaSettings; caFile: string };
  /** True when this start made it new (formatted its storage): it knows no principal yet. */
  readonly formatted: boolean;
  stop(): Promise<void>;
}

/** Node n's port (from 1), its controller's one after it. */
export const clusterNodePort = (firstPort: number, nodeId: number) => firstPort + 4 * (nodeId - 1);

/**
 * A KRaft cluster of several nodes on loopback (issue 25: `HUB_KAFKA_NODES=3 npm start`), each a
 * combined broker and controller, so that three nodes make a quorum that outlives one of them:
 * replication factor 3 and `min.insync.replicas` 2 (acks=all: on two nodes at least). Same listeners
 * and security as one broker, on every node.
 */
export class LocalKafkaCluster implements LocalKafka {
  private constructor(
    private readonly nodeOptions: LocalKafkaBrokerOptions[],
    private readonly nodes: (LocalKafkaBroker | undefined)[],
  ) {}

  static async start(options: LocalKafkaClusterOptions): Promise<LocalKafkaCluster> {
    await mkdir(options.dataDir, { recursive: true });
    // Once, before the nodes start side by side: the jars, the cluster id, the TLS key every node serves.
    await ensureKafkaDistribution(options.projectRoot, options.log);
    const clusterIdFile = join(options.dataDir, 'cluster-id');
    const clusterId = existsSync(clusterIdFile) ? (await readFile(clusterIdFile, 'utf8')).trim() : newClusterId();
    await writeFile(clusterIdFile, clusterId);
    const securityDir = join(options.dataDir, 'security');
    if (options.secure) await localBrokerSecurity(securityDir);
    const ids = Array.from({ length: options.nodes }, (_, index) => index + 1);
    const voters = ids.map((id) => `${id}@127.0.0.1:${clusterNodePort(options.port, id) + 1}`).join(',');
    const nodeOptions = ids.map((id): LocalKafkaBrokerOptions => ({
      projectRoot: options.projectRoot,
      dataDir: join(options.dataDir, `node-${id}`),
      port: clusterNodePort(options.port, id),
      controllerPort: clusterNodePort(options.port, id) + 1,
      ...(options.heapMb ? { heapMb: options.heapMb } : {}),
      log: options.log,
      ...(options.secure ? { secure: true } : {}),
      cluster: { nodeId: id, voters, clusterId, securityDir, replicationFactor: Math.min(3, options.nodes) },
    }));
    // Together: a node answers only once a quorum of controllers has formed.
    const started = await Promise.allSettled(nodeOptions.map((node) => LocalKafkaBroker.start(node)));
    const nodes = started.map((start) => (start.status === 'fulfilled' ? start.value : undefined));
    const failed = started.find((start) => start.status === 'rejected');
    if (failed) {
      await Promise.allSettled(nodes.flatMap((node) => (node ? [node.stop()] : [])));
      throw failed.reason;
    }
    return new LocalKafkaCluster(nodeOptions, nodes);
  }

  private get ports(): number[] {
    return this.nodeOptions.map((node) => node.port);
  }

  get bootstrapServers(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  get security(): LocalKafka['security'] {
    const first = this.nodes.find((node) => node?.security)?.security;
    if (!first) return undefined;
    return {
      membersBootstrap: this.ports.map((port) => `127.0.0.1:${membersPortOf(port)}`).join(','),
      admin: { ...first.admin, brokers: this.ports.map((port) => `127.0.0.1:${adminPortOf(port)}`) },
      caFile: first.caFile,
    };
  }

  /** Node n (from 1) killed outright (SIGKILL), as a machine is lost: for the fault suite. */
  async killNode(nodeId: number): Promise<void> {
    await this.nodes[nodeId - 1]?.kill();
    this.nodes[nodeId - 1] = undefined;
  }

  /** Node n started again on its data, after killNode. */
  async restartNode(nodeId: number): Promise<void> {
    this.nodes[nodeId - 1] = await LocalKafkaBroker.start(this.nodeOptions[nodeId - 1]);
  }

  get version(): string {
    return this.nodes.find((node) => node)?.version ?? 'unknown';
  }

  get formatted(): boolean {
    return this.nodes.some((node) => node?.formatted);
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.nodes.flatMap((node) => (node ? [node.stop()] : [])));
  }
}
