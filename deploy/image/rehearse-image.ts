/**
 * npm run image-rehearsal: builds the image's file tree by the Dockerfile's own steps, without a
 * Docker engine (none runs here), and runs the hub from it. Each stage gets a folder standing for
 * its root; COPY, WORKDIR, ENV, ARG and RUN are carried out as Docker would in a Debian image
 * with the Node.js the project pins (the one running this), and the runtime stage's tree is then
 * started by the local launcher (HUB_APP_ROOT), its apps under the stage's ENV and WORKDIR, with
 * the demo flowing through them, as the stage's USER where this runs as root. What this cannot
 * show: the base image's own contents and the layers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { DEPARTMENT_IDS } from '@hub/departments';
import { dockerIgnore, HUB_APPS, parseDockerfile, stageInstructions, type DockerInstruction, type DockerStage } from '@hub/deployment';
import { findProjectRoot, freePort, freePortRun, pollUntil } from '@hub/local-infra';
import { appUserOf } from '../local/app-user.js';

const say = (line: string) => process.stdout.write(`[image] ${line}\n`);
const root = findProjectRoot();
/** How long the hub started from the tree may take to come up and pass the demo through. */
const HUB_TIMEOUT_MS = 10 * 60_000;

class RehearsalError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RehearsalError';
  }
}

/** A stage being built: its folder (its `/`), working directory and environment. */
interface StageState {
  stage: DockerStage;
  folder: string;
  workdir: string;
  env: Record<string, string>;
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const stages = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
  const ignored = dockerIgnore(existsSync(join(root, '.dockerignore')) ? readFileSync(join(root, '.dockerignore'), 'utf8') : '');
  const scratch = mkdtempSync(join(tmpdir(), 'hub-image-'));
  // PostgreSQL runs as its own user when this runs as root: it must be able to enter the folder.
  chmodSync(scratch, 0o755);
  say(`Rehearsing the Dockerfile's ${stages.length} stages in ${scratch}`);
  const started = performance.now();
  const built = new Map<string, StageState>();
  try {
    let last: StageState | undefined;
    for (const [index, stage] of stages.entries()) {
      last = buildStage(stage, index, join(scratch, stage.name ?? String(index)), ignored, built);
      built.set(stage.name ?? String(index), last);
    }
    const image = last!;
    say(`Image tree: ${image.workdir} (${megabytes(image.workdir)} MB), built in ${seconds(started)} s`);
    checkEntries(image);
    const before = treeListing(image.workdir);
    await runHub(image, join(scratch, 'hub-home'));
    checkUnwritten(image.workdir, before);
    say(`The image rehearsal passed in ${seconds(started)} s.`);
  } catch (error) {
    // What failed is in the folder (the tree, the hub's logs): kept for whoever looks into it.
    say(`Kept ${scratch} to look into`);
    throw error;
  }
  if (keep) say(`Kept ${scratch} (--keep)`);
  else rmSync(scratch, { recursive: true, force: true });
}

/** Carries out one stage's instructions in its folder; FROM's base image is stood in for by an empty root. */
function buildStage(stage: DockerStage, index: number, folder: string, ignored: (path: string) => boolean, built: ReadonlyMap<string, StageState>): StageState {
  mkdirSync(folder, { recursive: true });
  const state: StageState = { stage, folder, workdir: folder, env: {} };
  const label = stage.name ?? `stage ${index}`;
  say(`[${label}] FROM ${stage.base}`);
  for (const [step, instruction] of stage.instructions.entries()) {
    const stepStarted = performance.now();
    const shown = `[${label} ${step + 1}/${stage.instructions.length}] ${instruction.keyword} ${Object.entries(instruction.flags)
      .map(([flag, value]) => `--${flag}=${value} `)
      .join('')}${instruction.arguments.join(' ')}`;
    say(shown.length > 160 ? `${shown.slice(0, 159)}…` : shown);
    carryOut(state, instruction, ignored, built);
    if (instruction.keyword === 'RUN' || instruction.keyword === 'COPY') say(`  done in ${seconds(stepStarted)} s`);
  }
  return state;
}

function carryOut(state: StageState, instruction: DockerInstruction, ignored: (path: string) => boolean, built: ReadonlyMap<string, StageState>): void {
  const args = instruction.arguments;
  switch (instruction.keyword) {
    case 'WORKDIR':
      state.workdir = inStage(state, args[0]);
      mkdirSync(state.workdir, { recursive: true });
      return;
    case 'ARG':
    case 'ENV':
      for (const pair of args) {
        const [name, value] = pair.split(/=(.*)/s);
        if (name && value !== undefined) state.env[name] = value;
        else if (name && instruction.keyword === 'ARG') state.env[name] ??= '';
        else throw new RehearsalError(`Dockerfile line ${instruction.line}: ${instruction.keyword} ${pair} is not name=value`);
      }
      return;
    case 'COPY': {
      copy(state, instruction, ignored, built);
      return;
    }
    case 'RUN': {
      run(state, instruction);
      return;
    }
    case 'USER':
    case 'EXPOSE':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'LABEL':
      // What the image says about how it runs: checked against the project by tests/deployment, the CMD's entry by checkEntries.
      return;
    default:
      throw new RehearsalError(`Dockerfile line ${instruction.line}: the rehearsal does not know ${instruction.keyword}`);
  }
}

/** A path as the stage sees it (absolute: from its root; relative: from its WORKDIR) in the stage's folder. */
function inStage(state: StageState, path: string): string {
  return isAbsolute(path) ? join(state.folder, path) : join(state.workdir, path);
}

/** COPY from the build context (this checkout, less what .dockerignore leaves out) or, with --from, from an earlier stage. */
function copy(state: StageState, instruction: DockerInstruction, ignored: (path: string) => boolean, built: ReadonlyMap<string, StageState>): void {
  const sources = instruction.arguments.slice(0, -1);
  const destination = instruction.arguments.at(-1)!;
  const from = instruction.flags['from'];
  const fromStage = from === undefined ? undefined : built.get(from);
  if (from !== undefined && !fromStage) throw new RehearsalError(`Dockerfile line ${instruction.line}: COPY --from=${from} names no earlier stage`);
  const intoFolder = destination.endsWith('/') || sources.length > 1;
  for (const source of sources) {
    const path = fromStage ? inStage({ ...fromStage, workdir: fromStage.folder }, source) : join(root, source);
    if (!existsSync(path)) throw new RehearsalError(`Dockerfile line ${instruction.line}: COPY ${source}: no such file${fromStage ? ` in stage ${from}` : ' in the build context'}`);
    const target = intoFolder && !statSync(path).isDirectory() ? join(inStage(state, destination), basename(path)) : inStage(state, destination);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(path, target, { recursive: true, filter: fromStage ? undefined : (file) => file === root || !ignored(relative(root, file).split('\\').join('/')) });
  }
}

/**
 * RUN through /bin/sh in the stage's WORKDIR, with its ARGs and ENV, and the pinned Node.js first on
 * the PATH. Nothing of this checkout comes in: not its node_modules/.bin, nor the npm_* settings
 * `npm run` gives this process.
 */
function run(state: StageState, instruction: DockerInstruction): void {
  const nodeBin = dirname(process.execPath);
  const path = [nodeBin, ...(process.env['PATH'] ?? '/usr/bin:/bin').split(':').filter((folder) => !folder.startsWith(root))].join(':');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_') && name !== 'INIT_CWD'));
  const result = spawnSync('/bin/sh', ['-c', instruction.arguments.join(' ')], {
    cwd: state.workdir,
    env: { ...inherited, ...state.env, PATH: path },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new RehearsalError(`Dockerfile line ${instruction.line}: RUN failed (exit ${result.status ?? result.signal})`);
}

/** The CMD's entry, every app's entry the manifests start, and the hub command are in the image's tree. */
function checkEntries(image: StageState): void {
  const cmd = stageInstructions(image.stage, 'CMD').at(-1);
  const entries = [...(cmd ? cmd.arguments.filter((word) => word.endsWith('.js')) : []), ...HUB_APPS.map((app) => app.entry), 'apps/cli/bin/hub.js'];
  const missing = [...new Set(entries)].filter((entry) => !existsSync(join(image.workdir, entry)));
  if (missing.length > 0) throw new RehearsalError(`the image's tree lacks ${missing.join(', ')}`);
  say(`Entries present: ${[...new Set(entries)].join(', ')}`);
  const help = spawnSync(process.execPath, ['apps/cli/bin/hub.js', '--help'], { cwd: image.workdir, env: { ...process.env, ...image.env }, encoding: 'utf8' });
  if (help.status !== 0) throw new RehearsalError(`the image's hub command failed (exit ${help.status}): ${help.stderr}`);
  say("The image's hub command answers --help");
}

/**
 * Starts the hub by the local launcher with its apps from the image's tree (their entries, their
 * working directory, the stage's ENV and USER), on ports and a state folder of its own, and waits
 * until it is up, every simulated department has published the demo through it and findings came
 * back to the gateway; runs the migration Job's command from the tree; then stops the hub, which
 * must exit cleanly.
 */
async function runHub(image: StageState, home: string): Promise<void> {
  const kafkaPort = await freePortRun(4);
  const ports = Object.fromEntries(await Promise.all(HUB_APPS.map(async (app) => [app.portVariable, String(await freePort())] as const)));
  // The image's USER, where this runs as root and so can switch to it.
  const user = stageInstructions(image.stage, 'USER').at(-1)?.arguments[0];
  const asUser = user !== undefined && process.getuid?.() === 0;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...image.env,
    ...ports,
    ...(asUser ? { HUB_APP_USER: user.includes(':') ? user : `${user}:${user}` } : {}),
    HUB_APP_ROOT: image.workdir,
    HUB_HOME: home,
    LOCAL_KAFKA_PORT: String(kafkaPort),
    LOCAL_POSTGRES_PORT: String(await freePort()),
  };
  say(`Starting the hub from the image's tree (NODE_ENV=${env['NODE_ENV'] ?? 'unset'}; the apps as ${asUser ? `user ${env['HUB_APP_USER']}` : 'this user'}; its state in ${home}) ...`);
  const launcher = spawn(process.execPath, [join(root, 'dist/deploy/local/start-hub.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const waiting = new Set(DEPARTMENT_IDS as readonly string[]);
  let up = false;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new RehearsalError(`the hub from the image was not up with the demo published after ${HUB_TIMEOUT_MS / 60_000} minutes; its logs: ${home}/logs`));
    }, HUB_TIMEOUT_MS);
    let buffered = '';
    launcher.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        process.stdout.write(`  ${line}\n`);
        if (line.includes('The hub is up.')) up = true;
        const published = /Demo: the (\S+) simulator published/.exec(line);
        if (published) waiting.delete(published[1]);
      }
      if (up && waiting.size === 0) {
        clearTimeout(timer);
        resolve();
      }
    });
    launcher.once('exit', (code) => {
      clearTimeout(timer);
      reject(new RehearsalError(`the launcher stopped (exit ${code}) before the hub from the image was up with the demo published; its logs: ${home}/logs`));
    });
  });
  try {
    await done;
    say('The hub from the image is up, and every simulated department published the demo through it.');
    const keys = JSON.parse(readFileSync(join(home, 'api-keys.json'), 'utf8')) as Record<string, string>;
    const findings = await pollUntil(() => findingsDelivered(`http://127.0.0.1:${ports['GATEWAY_HTTP_PORT']}`, keys), {
      timeoutMs: 180_000,
      intervalMs: 2000,
      description: 'the gateway from the image to hold a finding the crosscheck from the image announced',
    });
    say(
      `Findings delivered through the image's crosscheck and gateway: ${Object.entries(findings)
        .map(([department, count]) => `${department} ${count}`)
        .join(', ')} (first page of each)`,
    );
    migrateAsTheJobDoes(image, env, join(home, 'database-urls.json'));
  } finally {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      const exited = new Promise<void>((resolve) =>
        launcher.once('exit', () => {
          resolve();
        }),
      );
      launcher.kill('SIGTERM');
      await exited;
    }
  }
  if (launcher.exitCode !== 0) throw new RehearsalError(`the launcher stopped the hub from the image with exit ${launcher.exitCode ?? launcher.signalCode}; its logs: ${home}/logs`);
}

/**
 * The manifests' migration Job's command (`hub db migrate` as the owner, NODE_ENV=production), from
 * the image's tree, as its user, against the database the hub from it runs on: it must find every
 * migration applied and grant the service roles again.
 */
function migrateAsTheJobDoes(image: StageState, env: NodeJS.ProcessEnv, databaseUrlsFile: string): void {
  const owner = (JSON.parse(readFileSync(databaseUrlsFile, 'utf8')) as Record<string, string>)['owner'];
  const user = appUserOf(env['HUB_APP_USER']);
  const migrate = spawnSync(process.execPath, ['apps/cli/bin/hub.js', 'db', 'migrate'], {
    cwd: image.workdir,
    env: { PATH: env['PATH'], ...image.env, DATABASE_URL: owner },
    encoding: 'utf8',
    ...user,
  });
  if (migrate.status !== 0) throw new RehearsalError(`hub db migrate from the image failed (exit ${migrate.status ?? migrate.signal}): ${migrate.stderr}`);
  say(`The migration Job's command from the image: ${migrate.stdout.split('\n')[0]}`);
}

/** Every file of a tree with its size and modification time, by path. */
function treeListing(folder: string): Map<string, string> {
  const listing = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stats = lstatSync(path);
    listing.set(relative(folder, path), `${stats.size}:${stats.mtimeMs}`);
  }
  return listing;
}

/** The manifests run the apps on a read-only root filesystem (/tmp apart): running the hub must have written nothing into the image's tree. */
function checkUnwritten(folder: string, before: ReadonlyMap<string, string>): void {
  const after = treeListing(folder);
  const written = [...after].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => path);
  const removed = [...before.keys()].filter((path) => !after.has(path));
  if (written.length + removed.length > 0) {
    throw new RehearsalError(`the apps changed their image's tree, which the manifests mount read-only: ${[...written, ...removed.map((path) => `${path} (removed)`)].slice(0, 20).join(', ')}`);
  }
  say(`The apps wrote nothing into the image's tree (${after.size} files), as its read-only root filesystem in the manifests requires`);
}

/** Each department's findings (a first page), once any department has one: the demo's records went through the crosscheck and back to the gateway. */
async function findingsDelivered(gatewayUrl: string, keys: Readonly<Record<string, string>>): Promise<Record<string, number> | undefined> {
  const counts: Record<string, number> = {};
  for (const department of DEPARTMENT_IDS) {
    const response = await fetch(`${gatewayUrl}/v1/findings?limit=100`, { headers: { authorization: `Bearer ${keys[department]}` } });
    if (!response.ok) throw new RehearsalError(`GET /v1/findings as ${department} answered ${response.status}: ${await response.text()}`);
    counts[department] = ((await response.json()) as { items: unknown[] }).items.length;
  }
  return Object.values(counts).some((count) => count > 0) ? counts : undefined;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

function megabytes(folder: string): number {
  const du = spawnSync('du', ['-sm', folder], { encoding: 'utf8' });
  return Number(du.stdout.split('\t')[0]);
}

main().catch((error: unknown) => {
  say(`The image rehearsal failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
