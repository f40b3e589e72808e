/** The hub's apps as a benchmark runs them: separate processes, measured from /proc. */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnHubApp } from '@hub/local-infra';

/** Whether `BENCH_PROFILE_APPS` (a comma-separated list of app folders; default the gateway) names the app at `entry`. */
const profiled = (entry: string) => (process.env['BENCH_PROFILE_APPS'] ?? 'gateway').split(',').some((app) => entry.includes(`apps/${app.trim()}/`));

/**
 * A built hub app as its own process, quiet but for its warnings, serving HTTP (if it does) on a free port unless `HTTP_PORT` says which; `BENCH_PROFILE_DIR` writes a CPU
 * profile of the apps `BENCH_PROFILE_APPS` names there; `BENCH_LOG_DIR` keeps each app's log
 * (warnings and errors, or down to `BENCH_LOG_LEVEL`) in a file there.
 */
/** Fresh key rings for a benchmark's gateway: pseudonym keys (or the ones given) and envelope keys. */
export function gatewayKeys(pseudonymKeys = `1:${randomBytes(32).toString('base64')}`): { PSEUDONYM_KEYS: string; ENVELOPE_KEYS: string } {
  return { PSEUDONYM_KEYS: pseudonymKeys, ENVELOPE_KEYS: `1:${randomBytes(32).toString('base64')}` };
}

export function startApp(entry: string, env: Record<string, string>): ChildProcess {
  const logDir = process.env['BENCH_LOG_DIR'];
  if (logDir) mkdirSync(logDir, { recursive: true });
  const log = logDir ? openSync(join(logDir, `${env['SERVICE_NAME'] ?? 'app'}.log`), 'a') : 'ignore';
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const child = spawnHubApp(entry, {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn', LOG_FORMAT: 'json', HTTP_PORT: '0', ...env },
    stdio: ['ignore', log, 'inherit'],
    nodeArguments: profileDir && profiled(entry) ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  child.once('exit', (code) => {
    if (code) console.error(`${entry} exited with ${code}`);
  });
  return child;
}

/** CPU seconds a process has used so far (user + system), from /proc. */
export const cpuSecondsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** CPU seconds the whole machine has spent busy and in all (busy + idle) so far, from /proc/stat. */
function machineCpuSeconds(): { busy: number; all: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / 100, all: (busy + idle + iowait) / 100 };
}

/** The programs beside the apps whose CPU a benchmark splits out, by their command name in /proc: PostgreSQL's processes and the broker's JVM. */
const PROGRAMS = { PostgreSQL: 'postgres', broker: 'java' } as const;

/**
 * CPU seconds every process of each program has used so far, with what its ended children used
 * (a PostgreSQL backend that ended is counted in the postmaster's), from /proc.
 */
function programCpuSeconds(): Record<keyof typeof PROGRAMS, number> {
  const seconds = { PostgreSQL: 0, broker: 0 };
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') continue; // ended meanwhile
      throw error;
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const program = (Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[]).find((name) => PROGRAMS[name] === command);
    if (!program) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    seconds[program] += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  }
  return seconds;
}

export interface CpuSnapshot {
  machine: { busy: number; all: number };
  apps: Record<string, number>;
  programs: Record<keyof typeof PROGRAMS, number>;
  /** This (the benchmark's) process. */
  self: number;
}

/** Where the machine's CPU is at this moment: in each named app, in this process, in all. */
export function cpuSnapshot(apps: Record<string, ChildProcess>): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return {
    machine: machineCpuSeconds(),
    apps: Object.fromEntries(Object.entries(apps).map(([name, child]) => [name, cpuSecondsOf(child.pid!)])),
    programs: programCpuSeconds(),
    self: (user + system) / 1e6,
  };
}

/** CPU µs per record between two snapshots: each app's, the benchmark client's, PostgreSQL's, the broker's, the rest (the kernel, anything else), and how busy the machine was. */
export function cpuPerRecord(before: CpuSnapshot, after: CpuSnapshot, records: number): { microsecondsPerRecord: Record<string, number>; machineBusy: number } {
  const perRecord = (seconds: number) => Math.round((seconds * 1e6) / records);
  const apps = Object.fromEntries(Object.keys(after.apps).map((name) => [name, after.apps[name] - (before.apps[name] ?? 0)]));
  const client = after.self - before.self;
  const busy = after.machine.busy - before.machine.busy;
  const programs = { PostgreSQL: after.programs.PostgreSQL - before.programs.PostgreSQL, broker: after.programs.broker - before.programs.broker };
  const rest = busy - client - [...Object.values(apps), ...Object.values(programs)].reduce((sum, seconds) => sum + seconds, 0);
  return {
    microsecondsPerRecord: {
      ...Object.fromEntries(Object.entries(apps).map(([name, seconds]) => [name, perRecord(seconds)])),
      'benchmark client': perRecord(client),
      PostgreSQL: perRecord(programs.PostgreSQL),
      broker: perRecord(programs.broker),
      'the rest': perRecord(rest),
    },
    machineBusy: busy / (after.machine.all - before.machine.all),
  };
}

/** The memory a process has resident now (VmRSS). */
export const rssOfMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** The most resident memory a process has had (VmHWM). */
export const peakRssOfMiB = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** Stops a process with SIGTERM (an orderly shutdown) and waits for it. */
export async function stopApp(child: ChildProcess): Promise<void> {
  // A process that ended on a signal has no exit code, only a signal code.
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A request body for POST /v1/events, and whose key sends it. */
export interface Batch {
  key: string;
  body: string;
  contentType: string;
}

/** Posts the batches with `concurrency` clients at once, each taking the next when its last is answered (a generator's are made as they are taken); every request must succeed. */
export async function postBatches(url: string, batches: Iterable<Batch>, concurrency: number): Promise<{ seconds: number; latencies: number[]; accepted: number }> {
  const latencies: number[] = [];
  const queue = batches[Symbol.iterator]();
  let accepted = 0;
  const started = performance.now();
  const client = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const { key, body, contentType } = next.value;
      const t0 = performance.now();
      const response = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, body });
      const outcome = (await response.json()) as { accepted?: number; message?: string };
      if (response.status !== 200) throw new Error(`the gateway answered ${response.status}: ${outcome.message}`);
      latencies.push(performance.now() - t0);
      accepted += outcome.accepted ?? 0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), accepted };
}
