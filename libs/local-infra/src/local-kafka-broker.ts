import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, HubError } from '@hub/errors';
import { createKafkaClient, KafkaTopicAdmin } from '@hub/messaging';
import { ensureKafkaDistribution } from './kafka-distribution.js';
import { pollUntil } from './poll-until.js';

export interface LocalKafkaBrokerOptions {
  projectRoot: string;
  /** Holds the broker's log segments, metadata and its own log file. Kept between runs. */
  dataDir: string;
  port: number;
  controllerPort: number;
  heapMb?: number;
  log: (line: string) => void;
}

/** The server.properties of one combined broker+controller on loopback (KRaft). */
function serverProperties(options: LocalKafkaBrokerOptions, logDirs: string): string {
  const { port, controllerPort } = options;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `log.dirs=${logDirs}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.cleaner.dedupe.buffer.size=1048577',
    // The hub creates its topics with the partitions and configs it wants; a typo must not create one.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

/** A KRaft cluster id: 16 random bytes, base64url without padding (what `kafka-storage random-uuid` prints). */
const newClusterId = () => randomBytes(16).toString('base64url');

function runJava(args: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new HubError(ErrorCode.LocalInfraFailed, `${failure}: cannot run java (${error.message})`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new HubError(ErrorCode.LocalInfraFailed, `${failure}:\n${output.slice(-3000)}`))));
  });
}

/**
 * A real Apache Kafka broker run from the jars Maven fetched: formats its KRaft storage once,
 * starts, and is ready only when it answers a metadata request.
 */
export class LocalKafkaBroker {
  private exited = false;

  private constructor(
    private readonly process: ChildProcess,
    readonly bootstrapServers: string,
    readonly version: string,
    readonly logFile: string,
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
    await writeFile(propertiesFile, serverProperties(options, logDirs));
    const log4j = `-Dlog4j2.configurationFile=${join(projectRoot, 'deploy', 'kafka', 'log4j2.yaml')}`;

    if (!existsSync(join(logDirs, 'meta.properties'))) {
      const clusterIdFile = join(dataDir, 'cluster-id');
      const clusterId = existsSync(clusterIdFile) ? (await readFile(clusterIdFile, 'utf8')).trim() : newClusterId();
      await writeFile(clusterIdFile, clusterId);
      await runJava(
        ['-cp', distribution.classpath, log4j, 'kafka.tools.StorageTool', 'format', '--standalone', '--ignore-formatted', `--cluster-id=${clusterId}`, '-c', propertiesFile],
        `formatting Kafka storage in ${logDirs} failed`,
      );
    }

    const heap = `${options.heapMb ?? 512}m`;
    // The broker writes to its log file directly, so it does not depend on this process's pipes.
    const output = openSync(logFile, 'a');
    const child = spawn(
      'java',
      [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true', log4j,
        `-Dkafka.logs.dir=${dataDir}`, '-cp', distribution.classpath, 'kafka.Kafka', propertiesFile],
      { stdio: ['ignore', output, output] },
    );
    closeSync(output);
    const broker = new LocalKafkaBroker(child, `127.0.0.1:${options.port}`, distribution.version, logFile);
    log(`Starting Apache Kafka ${distribution.version} on ${broker.bootstrapServers} (log: ${logFile}) ...`);

    const admin = new KafkaTopicAdmin(createKafkaClient({ brokers: [broker.bootstrapServers], clientId: 'local-infra', connectionTimeoutMs: 1000, quiet: true }));
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
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
