import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createKafkaClient, KafkaTopicAdmin, type KafkaSettings } from '@hub/messaging';
import { ensureKafkaDistribution } from './kafka-distribution.js';
import { localBrokerSecurity, type LocalBrokerSecurity } from './local-broker-security.js';
import { runJdkTool } from './run-jdk-tool.js';
import { pollUntil } from './poll-until.js';

export interface LocalKafkaBrokerOptions {
  projectRoot: string;
  /** Holds the broker's log segments, metadata and its own log file. Kept between runs. */
  dataDir: string;
  port: number;
  controllerPort: number;
  heapMb?: number;
  log: (line: string) => void;
  /**
   * Authentication and authorisation on (issue 19): SASL on every listener, TLS on the members'
   * one, ACLs by StandardAuthorizer. Off only for tests of the broker itself (outages, a second broker).
   */
  secure?: boolean;
  /** One node of a cluster (LocalKafkaCluster): its id, the quorum's voters and the cluster's id, its security folder shared with the others. */
  cluster?: { nodeId: number; voters: string; clusterId: string; securityDir: string; replicationFactor: number };
}

/** The ports of a secured broker beside its own: the members' TLS listener and the administrator's. */
export const membersPortOf = (port: number) => port + 2;
export const adminPortOf = (port: number) => port + 3;

const plainJaas = (password: string) => `org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${password}" user_admin="${password}";`;

/**
 * The listeners: a secured broker has HUB (SASL/SCRAM-SHA-512, the hub's services, loopback),
 * MEMBERS (SASL/SCRAM-SHA-512 over TLS, department systems), ADMIN (SASL/PLAIN, the super user
 * `admin` only: the brokers among themselves and the launcher's provisioning) and the controller's.
 */
function listenerProperties(options: LocalKafkaBrokerOptions, security: LocalBrokerSecurity | undefined): string[] {
  const { port, controllerPort } = options;
  if (!security) {
    return [
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'inter.broker.listener.name=PLAINTEXT',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    ];
  }
  const [members, admin] = [membersPortOf(port), adminPortOf(port)];
  const scram = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  return [
    `listeners=HUB://127.0.0.1:${port},MEMBERS://127.0.0.1:${members},ADMIN://127.0.0.1:${admin},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=HUB://127.0.0.1:${port},MEMBERS://127.0.0.1:${members},ADMIN://127.0.0.1:${admin}`,
    'listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,HUB:SASL_PLAINTEXT,MEMBERS:SASL_SSL,ADMIN:SASL_PLAINTEXT',
    'inter.broker.listener.name=ADMIN',
    'sasl.mechanism.inter.broker.protocol=PLAIN',
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=${plainJaas(security.adminPassword)}`,
    'listener.name.admin.sasl.enabled.mechanisms=PLAIN',
    `listener.name.admin.plain.sasl.jaas.config=${plainJaas(security.adminPassword)}`,
    'listener.name.hub.sasl.enabled.mechanisms=SCRAM-SHA-512',
    `listener.name.hub.scram-sha-512.sasl.jaas.config=${scram}`,
    'listener.name.members.sasl.enabled.mechanisms=SCRAM-SHA-512',
    `listener.name.members.scram-sha-512.sasl.jaas.config=${scram}`,
    `listener.name.members.ssl.keystore.location=${security.keyStoreFile}`,
    `listener.name.members.ssl.keystore.password=${security.keyStorePassword}`,
    'listener.name.members.ssl.keystore.type=PKCS12',
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users=User:admin',
    'allow.everyone.if.no.acl.found=false',
  ];
}

/** The server.properties of one combined broker+controller on loopback (KRaft). */
function serverProperties(options: LocalKafkaBrokerOptions, logDirs: string, security: LocalBrokerSecurity | undefined): string {
  const { controllerPort, cluster } = options;
  // A cluster keeps every record on three nodes and acknowledges it (acks=all) once two have it.
  const replicas = cluster?.replicationFactor ?? 1;
  const inSync = Math.max(1, replicas - 1);
  return [
    'process.roles=broker,controller',
    `node.id=${cluster?.nodeId ?? 1}`,
    ...listenerProperties(options, security),
    'controller.listener.names=CONTROLLER',
    cluster ? `controller.quorum.voters=${cluster.voters}` : `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `log.dirs=${logDirs}`,
    'num.partitions=1',
    `default.replication.factor=${replicas}`,
    `min.insync.replicas=${inSync}`,
    `offsets.topic.replication.factor=${replicas}`,
    'offsets.topic.num.partitions=1',
    `transaction.state.log.replication.factor=${replicas}`,
    `transaction.state.log.min.isr=${inSync}`,
    `share.coordinator.state.topic.replication.factor=${replicas}`,
    `share.coordinator.state.topic.min.isr=${inSync}`,
    'group.initial.rebalance.delay.ms=0',
    'log.cleaner.dedupe.buffer.size=1048577',
    // The hub creates its topics with the partitions and configs it wants; a typo must not create one.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/** A KRaft cluster id: 16 random bytes, base64url without padding (what `kafka-storage random-uuid` prints). */
export const newClusterId = () => randomBytes(16).toString('base64url');

/**
 * A real Apache Kafka broker run from the jars Maven fetched: formats its KRaft storage once,
 * starts, and is ready only when it answers a metadata request.
 */
export class LocalKafkaBroker {
  private exited = false;

  private constructor(
    private readonly process: ChildProcess,
    /** Where the hub's services connect (SCRAM-SHA-512 when secured). */
    readonly bootstrapServers: string,
    readonly version: string,
    readonly logFile: string,
    /** True when this start formatted its storage: a new broker, which knows no principal yet. */
    readonly formatted: boolean,
    /** When secured: the members' TLS listener, the administrator's listener and its credentials, the CA of the TLS listener. */
    readonly security?: { membersBootstrap: string; admin: KafkaSettings; caFile: string },
  ) {
    process.once('exit', () => (this.exited = true));
  }

  static async start(options: LocalKafkaBrokerOptions): Promise<LocalKafkaBroker> {
    const { projectRoot, dataDir, log } = options;
    const distribution = await ensureKafkaDistribution(projectRoot, log);
    const logDirs = join(dataDir, 'data');
    const propertiesFile = join(dataDir, 'server.properties');
    const logFile = join(dataDir, 'broker.log');
    await mkdir(logDirs, { recursive: true });
    const security = options.secure ? await localBrokerSecurity(options.cluster?.securityDir ?? join(dataDir, 'security')) : undefined;
    // Holds the administrator's password when secured: this user only.
    await writeFile(propertiesFile, serverProperties(options, logDirs, security), { mode: 0o600 });
    const log4j = `-Dlog4j2.configurationFile=${join(projectRoot, 'deploy', 'kafka', 'log4j2.yaml')}`;

    const formatted = !existsSync(join(logDirs, 'meta.properties'));
    if (formatted) {
      const clusterIdFile = join(dataDir, 'cluster-id');
      const clusterId = options.cluster?.clusterId ?? (existsSync(clusterIdFile) ? (await readFile(clusterIdFile, 'utf8')).trim() : newClusterId());
      await writeFile(clusterIdFile, clusterId);
      // One node is its own quorum (--standalone); a cluster's nodes name their voters in controller.quorum.voters.
      await runJdkTool(
        'java',
        [
          '-cp',
          distribution.classpath,
          log4j,
          'kafka.tools.StorageTool',
          'format',
          ...(options.cluster ? [] : ['--standalone']),
          '--ignore-formatted',
          `--cluster-id=${clusterId}`,
          '-c',
          propertiesFile,
        ],
        `formatting Kafka storage in ${logDirs} failed`,
      );
    }

    const heap = `${options.heapMb ?? 512}m`;
    // The broker writes to its log file directly, so it does not depend on this process's pipes.
    const output = openSync(logFile, 'a');
    const child = spawn(
      'java',
      [
        `-Xms${heap}`,
        `-Xmx${heap}`,
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        log4j,
        `-Dkafka.logs.dir=${dataDir}`,
        '-cp',
        distribution.classpath,
        'kafka.Kafka',
        propertiesFile,
      ],
      { stdio: ['ignore', output, output] },
    );
    closeSync(output);
    const secured = security && {
      membersBootstrap: `127.0.0.1:${membersPortOf(options.port)}`,
      admin: { brokers: [`127.0.0.1:${adminPortOf(options.port)}`], clientId: 'hub-admin', sasl: { mechanism: 'plain' as const, username: 'admin', password: security.adminPassword } },
      caFile: security.caFile,
    };
    const broker = new LocalKafkaBroker(child, `127.0.0.1:${options.port}`, distribution.version, logFile, formatted, secured);
    log(`Starting Apache Kafka ${distribution.version} on ${broker.bootstrapServers}${secured ? ` (SASL/SCRAM; members over TLS on ${secured.membersBootstrap})` : ''} (log: ${logFile}) ...`);

    const probe = secured?.admin ?? { brokers: [broker.bootstrapServers], clientId: 'local-infra' };
    const admin = new KafkaTopicAdmin(createKafkaClient({ ...probe, clientId: 'local-infra', connectionTimeoutMs: 1000, quiet: true }));
    try {
      await pollUntil(async () => admin.ping(), {
        timeoutMs: 120_000,
        intervalMs: 300,
        description: `Kafka on ${broker.bootstrapServers} to answer`,
        abortReason: () => (broker.exited ? `the broker exited; see ${logFile}` : undefined),
      });
    } catch (error) {
      await broker.stop();
      throw error;
    } finally {
      await admin.disconnect();
    }
    return broker;
  }

  /** Controlled shutdown (SIGTERM), then SIGKILL if the broker has not exited in time. */
  async stop(timeoutMs = 30_000): Promise<void> {
    await this.ended('SIGTERM', timeoutMs);
  }

  /** The broker killed outright (SIGKILL), as a machine or a pod is lost: for the fault suite. */
  async kill(): Promise<void> {
    await this.ended('SIGKILL', 0);
  }

  private async ended(signal: 'SIGTERM' | 'SIGKILL', killAfterMs: number): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) =>
      this.process.once('exit', () => {
        resolve();
      }),
    );
    this.process.kill(signal);
    const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => this.process.kill('SIGKILL'), killAfterMs);
    await exited;
    clearTimeout(timer);
  }
}
