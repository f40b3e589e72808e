/**
 * A synthetic region (`hub demo generate`'s generator) published by its five departments through a
 * real gateway over HTTP and cross-checked by a real crosscheck, until the last finding is out: what
 * the end-to-end and audit benchmarks stand on.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { Admin } from 'kafkajs';
import pg from 'pg';
import { addCounts, emptyCounts, generateRegion, REGION_DAY, type ExpectedFinding, type GeneratedHousehold, type RegionCounts } from '@hub/demo-region';
import { openMemberDirectory } from '@hub/members';
import { freePort, pollUntil } from '@hub/local-infra';
import { createKafkaClient } from '@hub/messaging';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import type { BenchInfra } from './bench-infra.js';
import { cpuPerRecord, cpuSnapshot, gatewayKeys, postBatches, startApp, stopApp, type Batch } from './hub-processes.js';
import { benchKafkaSettings } from './bench-kafka.js';
import { DEPARTMENT_IDS } from '@hub/departments';

export interface RegionLoadOptions {
  persons: number;
  seed: number;
  batchSize: number;
  clients: number;
  /** How long a raised finding waits before it is announced. */
  settleMs: number;
  /** Also run the audit service (recording every topic) beside the hub. */
  withAudit?: { signingKeyFile: string };
  /** Crosscheck instances in the one consumer group (1 unless asked). */
  crosschecks?: number;
  /** Each department opens a bulk load before it publishes and closes it once all its batches are accepted (on unless false). */
  bulkLoads?: boolean;
}

/** How many findings were open while the region loaded, sampled every second: the peak, and at the end. */
export interface OpenFindings {
  /** Announced to the departments (the gateway's findings). */
  announced: { peak: number; final: number };
  /** Held by the crosscheck, announced or not. */
  judged: { peak: number; final: number };
  /** Raises announced that closed again before the end: what departments were told in vain. */
  announcedThenClosed: number;
}

/** The hub's apps running as separate processes on the bench's broker and database, with a key for each department. */
export interface BenchHub {
  url: string;
  keys: Record<string, string>;
  pseudonymKeys: string;
  /** The crosscheck's consumer group. */
  crosscheckGroup: string;
  /** By name: the gateway, the crosscheck (further instances `crosscheck 2`, `crosscheck 3`, ...), the audit. */
  apps: Record<string, ChildProcess> & { gateway: ChildProcess; crosscheck: ChildProcess; audit?: ChildProcess };
  database: pg.Pool;
  count: (sql: string) => Promise<number>;
  stop(): Promise<void>;
}

export interface LoadedRegion extends BenchHub {
  records: number;
  expected: ExpectedFinding[];
  /** How many residents are in each group the review compares with reality. */
  counts: RegionCounts;
  /** Milliseconds (performance.now()) when publishing started, ended, and when the last finding was out. */
  started: number;
  published: number;
  finished: number;
  requestLatencies: number[];
  /** Where the CPU went from the first record sent to the last finding out. */
  cpu: ReturnType<typeof cpuPerRecord>;
  openFindings: OpenFindings;
}

const ready = (url: string, description: string, headers: Record<string, string> = {}) =>
  pollUntil(async () => ((await fetch(url, { headers }).catch(() => undefined))?.status === 200 ? true : undefined), { timeoutMs: 180_000, intervalMs: 500, description });

/** Registers the departments, starts registry, gateway, crosscheck (and the audit) and waits until the gateway takes records. */
export async function startBenchHub(infra: BenchInfra, options: { settleMs: number; withAudit?: { signingKeyFile: string }; crosschecks?: number }): Promise<BenchHub> {
  const pseudonymKeys = `1:${randomBytes(32).toString('base64')}`;
  const env = { KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl! };
  const keys: Record<string, string> = {};
  const { members, close } = await openMemberDirectory(infra.databaseUrl!, { migrate: true });
  for (const department of DEPARTMENT_IDS) {
    if (!(await members.get(department))) await members.add({ id: department, role: 'department', recordsPerSecond: 1_000_000, maxRequestBytes: 64 * 1024 * 1024 });
    keys[department] = (await members.issueKey(department)).plaintext;
  }
  await close();

  const [gatewayPort, registryPort] = [await freePort(), await freePort()];
  const registry = startApp('apps/registry/src/main.js', { ...env, HTTP_PORT: String(registryPort), SERVICE_NAME: 'bench-registry' });
  // The registry publishes every contract before it reports ready; a gateway started earlier could refuse records of a type it has not read yet.
  await ready(`http://127.0.0.1:${registryPort}/health/ready`, 'the registry to be ready');
  const gateway = startApp('apps/gateway/src/main.js', { ...env, HTTP_PORT: String(gatewayPort), SERVICE_NAME: 'bench-gateway', ...gatewayKeys(pseudonymKeys) });
  const crosscheckGroup = `bench-crosscheck-${randomBytes(3).toString('hex')}`;
  const crosschecks = Array.from({ length: options.crosschecks ?? 1 }, () =>
    startApp('apps/crosscheck/src/main.js', { ...env, SERVICE_NAME: crosscheckGroup, FINDING_SETTLE_MS: String(options.settleMs), EVALUATION_DATE: REGION_DAY }),
  );
  const [crosscheck] = crosschecks as [ChildProcess, ...ChildProcess[]];
  const apps = { gateway, crosscheck, ...Object.fromEntries(crosschecks.slice(1).map((child, i) => [`crosscheck ${i + 2}`, child])) };
  const audit = options.withAudit
    ? startApp('apps/audit/src/main.js', {
        ...env,
        SERVICE_NAME: `bench-audit-${randomBytes(3).toString('hex')}`,
        AUDIT_SIGNING_KEY_FILE: options.withAudit.signingKeyFile,
        AUDIT_STORE_KEYS: `1:${randomBytes(32).toString('base64')}`,
        AUDIT_TOPIC_REFRESH_MS: '2000',
      })
    : undefined;
  const url = `http://127.0.0.1:${gatewayPort}`;
  const database = new pg.Pool({ connectionString: infra.databaseUrl, max: 2 });
  const count = async (sql: string) => Number((await database.query<{ n: string }>(sql)).rows[0].n);
  // Once only, though called twice: before the raw baseline, which has the machine to itself, and again on the way out.
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await database.end();
      await Promise.all([...crosschecks, gateway, registry, ...(audit ? [audit] : [])].map(stopApp));
    })());
  try {
    await ready(`${url}/v1/facts`, 'the gateway to have loaded the contracts', { authorization: `Bearer ${keys['education']}` });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, keys, pseudonymKeys, crosscheckGroup, apps: { ...apps, ...(audit ? { audit } : {}) }, database, count, stop };
}

export async function loadRegion(infra: BenchInfra, options: RegionLoadOptions): Promise<LoadedRegion> {
  const hub = await startBenchHub(infra, {
    settleMs: options.settleMs,
    ...(options.withAudit ? { withAudit: options.withAudit } : {}),
    ...(options.crosschecks ? { crosschecks: options.crosschecks } : {}),
  });
  const { keys, count } = hub;
  const generated = performance.now();
  const expected: ExpectedFinding[] = [];
  const counts = emptyCounts();
  let records = 0;
  const batches = [
    ...regionBatches(generateRegion({ persons: options.persons, seed: options.seed }), keys, options.batchSize, (household) => {
      expected.push(...household.expected);
      addCounts(counts, household.counts);
      records += household.records.length;
    }),
  ];
  console.log(
    `region of ${options.persons} persons (seed ${options.seed}): ${records} records in ${batches.length} batches, ${expected.length} planted findings, generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
  );

  const bulkLoads = options.bulkLoads !== false;
  // Progress is the crosscheck's consumer lag, not a count of its facts: counting a table of millions every poll would load the database the hub runs on.
  const admin = createKafkaClient(benchKafkaSettings(infra.brokers, 'bench-progress')).admin();
  await admin.connect();
  try {
    const cpuBefore = cpuSnapshot(hub.apps);
    const sampler = sampleOpenFindings(count);
    const started = performance.now();
    const loads = bulkLoads ? await Promise.all(DEPARTMENT_IDS.map(async (department) => ({ department, loadId: await bulkLoad(hub.url, keys[department], 'open') }))) : [];
    const http = await postBatches(hub.url, batches, options.clients);
    for (const { department, loadId } of loads) await bulkLoad(hub.url, keys[department], `${loadId}/close`);
    const published = performance.now();
    if (http.accepted !== records) throw new Error(`the gateway accepted ${http.accepted} of ${records} records; see GET /v1/rejections`);
    await untilJudged(admin, hub, records, 3_600_000, (folded, unpublished, unjudgedLoads) => {
      console.log(`  crosscheck: ${folded} of ${records} records folded, ${unjudgedLoads} bulk loads to judge, ${unpublished} finding changes to announce`);
    });
    const finished = performance.now();
    const openFindings = await sampler.stop();
    console.log(
      `open findings${bulkLoads ? ' (each department in a bulk load)' : ' (no bulk loads)'}: announced to the departments peak ${openFindings.announced.peak}, at the end ${openFindings.announced.final}; ${openFindings.announcedThenClosed} announced raises closed again; the crosscheck's own peak ${openFindings.judged.peak}, at the end ${openFindings.judged.final}`,
    );
    return { ...hub, records, expected, counts, started, published, finished, requestLatencies: http.latencies, cpu: cpuPerRecord(cpuBefore, cpuSnapshot(hub.apps), records), openFindings };
  } catch (error) {
    await hub.stop();
    throw error;
  } finally {
    await admin.disconnect();
  }
}

/**
 * The region's records as request bodies, each department's `batchSize` records to an NDJSON body,
 * made as they are asked for (a whole region is never held at once); `taken` sees each household.
 */
export function* regionBatches(households: Iterable<GeneratedHousehold>, keys: Record<string, string>, batchSize: number, taken: (household: GeneratedHousehold) => void): Generator<Batch> {
  const pending = new Map<string, string[]>(DEPARTMENT_IDS.map((d) => [d, []]));
  const body = (department: string, lines: readonly string[]): Batch => ({ key: keys[department], contentType: 'application/x-ndjson', body: lines.join('\n') });
  for (const household of households) {
    taken(household);
    for (const { department, record } of household.records) {
      const lines = pending.get(department)!;
      lines.push(JSON.stringify(record));
      if (lines.length >= batchSize) {
        pending.set(department, []);
        yield body(department, lines);
      }
    }
  }
  for (const [department, lines] of pending) if (lines.length > 0) yield body(department, lines);
}

/**
 * Waits until the crosscheck has folded every record (its group's lag on the canonical topics is 0),
 * judged every bulk load and announced every finding change (its outbox is empty), telling
 * `progress` every 5 s.
 */
export async function untilJudged(admin: Admin, hub: BenchHub, records: number, timeoutMs: number, progress: (folded: number, unpublished: number, unjudgedLoads: number) => void): Promise<void> {
  // Every record is accepted by now, so every canonical topic the region fills exists.
  const existing = new Set(await admin.listTopics());
  const canonicalTopics = FACT_EVENT_TYPES.filter((topic) => existing.has(topic));
  let lastProgress = 0;
  await pollUntil(
    async () => {
      const lag = await consumerLag(admin, hub.crosscheckGroup, canonicalTopics);
      const unpublished = await hub.count('SELECT count(*) AS n FROM crosscheck_outbox WHERE published_at IS NULL');
      // A load's persons are judged after its last record is stored: until the load is judged, its findings are still to come.
      const unjudgedLoads = await hub.count('SELECT count(*) AS n FROM crosscheck_bulk_load WHERE judged_at IS NULL');
      if (performance.now() - lastProgress > 5000) {
        lastProgress = performance.now();
        progress(records - lag, unpublished, unjudgedLoads);
      }
      return lag === 0 && unpublished === 0 && unjudgedLoads === 0 ? true : undefined;
    },
    { timeoutMs, intervalMs: 200, description: 'the crosscheck to fold every record and announce every finding' },
  );
}

/** Opens (`open`) or closes (`<loadId>/close`) a department's bulk load; the load's id. */
export async function bulkLoad(url: string, key: string, what: 'open' | `${string}/close`): Promise<string> {
  const response = await fetch(`${url}/v1/bulk-loads${what === 'open' ? '' : `/${what}`}`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
  const body = (await response.json()) as { loadId?: string; message?: string };
  if (!response.ok || !body.loadId) throw new Error(`the gateway answered ${response.status} to a bulk load's ${what === 'open' ? 'opening' : 'close'}: ${body.message}`);
  return body.loadId;
}

/**
 * Counts the open findings every second, the announced ones (the gateway's) and the crosscheck's
 * own, until stopped. Counting tables of thousands each second is light beside the load.
 */
export function sampleOpenFindings(count: (sql: string) => Promise<number>): { stop: () => Promise<OpenFindings> } {
  const announced = () => count(`SELECT count(*) AS n FROM gateway_finding WHERE state = 'open'`);
  const judged = () => count(`SELECT count(*) AS n FROM crosscheck_finding WHERE state = 'open'`);
  const peaks = { announced: 0, judged: 0 };
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      peaks.announced = Math.max(peaks.announced, await announced());
      peaks.judged = Math.max(peaks.judged, await judged());
    });
  }, 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await sampling;
      // The gateway follows the findings topic a little behind the crosscheck's outbox: the end is when it holds what the crosscheck does.
      await pollUntil(async () => ((await announced()) === (await judged()) ? true : undefined), {
        timeoutMs: 120_000,
        intervalMs: 500,
        description: 'the gateway to hold every finding the crosscheck announced',
      }).catch((error: unknown) => {
        console.warn(`the open findings at the gateway and the crosscheck still differ: ${String(error)}`);
      });
      const final = { announced: await announced(), judged: await judged() };
      // Nobody responds in a benchmark and the region is loaded once: a finding a department holds closed was announced open in vain.
      const announcedThenClosed = await count(`SELECT count(*) AS n FROM gateway_finding WHERE state = 'closed'`);
      return {
        announced: { peak: Math.max(peaks.announced, final.announced), final: final.announced },
        judged: { peak: Math.max(peaks.judged, final.judged), final: final.judged },
        announcedThenClosed,
      };
    },
  };
}

/** Records of the topics the group has not committed yet: it commits a batch only once its work is durable. */
async function consumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  const [committed, ends] = await Promise.all([admin.fetchOffsets({ groupId, topics: [...topics] }), Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)))]);
  let lag = 0;
  topics.forEach((topic, i) => {
    const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends[i]) {
      const offset = done.find((p) => p.partition === end.partition)?.offset ?? '-1';
      lag += Number(end.high) - Math.max(Number(offset), Number(end.low));
    }
  });
  return lag;
}
