/**
 * The gateway's memory under hostile and maximum-size requests: for each kind of body, a fresh
 * gateway takes 4 such requests at once, and its peak RSS (VmHWM) is printed beside its RSS when
 * idle, with what each request was answered. Beside it, in the same run, raw kafkajs produces the
 * largest accepted request's records on the same broker (the baseline of the bench suite).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openMemberDirectory } from '@hub/members';
import { freePort, pollUntil } from '@hub/local-infra';
import type { BenchInfra } from './bench-infra.js';
import { report, type Figure } from './bench-report.js';
import { gatewayKeys, peakRssOfMiB, startApp, stopApp } from './hub-processes.js';
import { aidRecord, rawProduce } from './http-ingest.bench.js';

export interface GatewayMemoryOptions {
  /** Requests sent at once for each kind of body. */
  concurrency: number;
  /** The member's byte limit, and the size of the hostile bodies (the default limit, 16 MiB). */
  maxRequestBytes: number;
}

interface Body {
  kind: string;
  contentType: string;
  encoding?: string;
  query?: string;
  body: Buffer;
}

/** What docs/departments.md states the gateway stays under with 4 maximum-size requests at once. */
const STATED_BOUND_MIB = 512;
const ENROLMENT = 'education.student-enrolment.changed.v1';
const CSV_FIELDS = ['studentNumber', 'idNumber', 'name', 'schoolCode', 'regionCode', 'stage', 'grade', 'term', 'change', 'effectiveDate'];
const CSV_MAPPING = { idColumn: 'id', columns: Object.fromEntries(CSV_FIELDS.map((field) => [field, field])) };

const rssOfMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** The bodies: the largest request the gateway accepts, and hostile ones of the maximum size. */
function bodies(run: string, bytes: number): Body[] {
  const accepted = Buffer.from(JSON.stringify(Array.from({ length: 10_000 }, (_, i) => aidRecord(i, `${run}-max`))));
  return [
    { kind: '10,000 valid records, JSON (the largest request accepted)', contentType: 'application/json', body: accepted },
    { kind: 'NDJSON of one-character lines (8 million)', contentType: 'application/x-ndjson', body: Buffer.from('x\n'.repeat(Math.floor((bytes - 1) / 2))) },
    { kind: 'one record nested to the full size', contentType: 'application/json', body: Buffer.from(`${'['.repeat(Math.floor((bytes - 2) / 2))}${']'.repeat(Math.floor((bytes - 2) / 2))}`) },
    { kind: 'one string of the full size', contentType: 'application/json', body: Buffer.from(`[{"id":"a","type":"t","data":"${'x'.repeat(bytes - 40)}"}]`) },
    { kind: 'gzip bomb (1 GiB inflated, about 1 MiB sent)', contentType: 'application/json', encoding: 'gzip', body: gzipSync(Buffer.alloc(2 ** 30, 0x20), { level: 9 }) },
    {
      kind: 'CSV export of short rows (1.4 million)',
      contentType: 'text/csv',
      query: `?type=${ENROLMENT}`,
      body: Buffer.from(`id,${CSV_FIELDS.join(',')}\n${'x,,,,,,,,,,\n'.repeat(Math.floor((bytes - 200) / 12))}`),
    },
  ];
}

export async function gatewayMemoryBench(projectRoot: string, infra: BenchInfra, options: GatewayMemoryOptions, details: Record<string, unknown>): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const env = { KAFKA_BROKERS: infra.brokers.join(','), DATABASE_URL: infra.databaseUrl! };
  const { members, close } = await openMemberDirectory(infra.databaseUrl!, { migrate: true });
  if (!(await members.get('education'))) await members.add({ id: 'education', role: 'department', recordsPerSecond: 1_000_000, maxRequestBytes: options.maxRequestBytes });
  const key = (await members.issueKey('education')).plaintext;
  await close();
  let mapped = false;

  const registryPort = await freePort();
  const registry = startApp('apps/registry/src/main.js', { ...env, HTTP_PORT: String(registryPort), SERVICE_NAME: 'bench-registry' });
  const results: Record<string, unknown>[] = [];
  try {
    await pollUntil(async () => ((await fetch(`http://127.0.0.1:${registryPort}/health/ready`).catch(() => undefined))?.ok ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'the registry to be ready',
    });
    for (const body of bodies(run, options.maxRequestBytes)) {
      const gatewayPort = await freePort();
      const gateway = startApp('apps/gateway/src/main.js', { ...env, HTTP_PORT: String(gatewayPort), SERVICE_NAME: 'bench-gateway', ...gatewayKeys() });
      const url = `http://127.0.0.1:${gatewayPort}/v1/events`;
      const headers = (extra: Record<string, string>) => ({ authorization: `Bearer ${key}`, ...extra });
      try {
        await pollUntil(
          async () =>
            (await fetch(url, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify([aidRecord(0, `${run}-warm-${gatewayPort}`)]) }).catch(() => undefined))
              ?.status === 200
              ? true
              : undefined,
          { timeoutMs: 120_000, intervalMs: 500, description: 'the gateway to accept a record' },
        );
        if (!mapped) {
          const mapping = await fetch(`http://127.0.0.1:${gatewayPort}/v1/csv-mappings/${ENROLMENT}`, {
            method: 'PUT',
            headers: headers({ 'content-type': 'application/json' }),
            body: JSON.stringify(CSV_MAPPING),
          });
          if (mapping.status !== 200) throw new Error(`the CSV mapping was answered ${mapping.status}: ${await mapping.text()}`);
          mapped = true;
        }
        const idle = rssOfMiB(gateway.pid!);
        const started = performance.now();
        const answers = await Promise.all(
          Array.from({ length: options.concurrency }, async (_, i) => {
            // Distinct record ids per request, so each accepted request publishes its records.
            const sent = body.kind.startsWith('10,000') ? Buffer.from(body.body.toString().replaceAll(`${run}-max-`, `${run}-max${i}-`)) : body.body;
            const response = await fetch(`${url}${body.query ?? ''}`, {
              method: 'POST',
              headers: headers({ 'content-type': body.contentType, ...(body.encoding ? { 'content-encoding': body.encoding } : {}) }),
              body: sent,
            }).catch((error: unknown) => error as Error);
            if (response instanceof Error) return `no answer (${response.message})`;
            const answer = (await response.json().catch(() => ({}))) as { accepted?: number; rejected?: number; message?: string };
            return response.status === 200 ? `200: ${answer.accepted} accepted, ${answer.rejected} rejected` : `${response.status}: ${answer.message}`;
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const alive = gateway.exitCode === null && gateway.signalCode === null;
        const peak = alive ? peakRssOfMiB(gateway.pid!) : undefined;
        const result = {
          kind: body.kind,
          bodyMiB: +(body.body.length / 2 ** 20).toFixed(2),
          requests: options.concurrency,
          idleRssMiB: idle,
          peakRssMiB: peak ?? null,
          gateway: alive ? 'running' : `exited (${gateway.exitCode ?? gateway.signalCode})`,
          seconds: +seconds.toFixed(2),
          answers: [...new Set(answers)],
        };
        console.log(
          `${body.kind}: ${result.bodyMiB} MiB × ${options.concurrency}: gateway ${alive ? `peak RSS ${peak} MiB (idle ${idle} MiB)` : result.gateway}, ${seconds.toFixed(1)} s; answered ${result.answers.join(' | ')}`,
        );
        results.push(result);
      } finally {
        await stopApp(gateway);
      }
    }
    const largest = Array.from({ length: 10_000 }, (_, i) => aidRecord(i, `${run}-raw`));
    const baseline = await rawProduce(infra.brokers, largest, 10_000);
    const figures: Figure[] = [baseline];
    const worst = Math.max(...results.map((r) => (r['peakRssMiB'] as number | null) ?? Infinity));
    console.log(
      `the gateway's peak RSS over every kind, ${options.concurrency} requests at once: ${Number.isFinite(worst) ? `${worst} MiB` : 'the gateway did not survive one kind'}; the stated bound is ${STATED_BOUND_MIB} MiB: ${worst <= STATED_BOUND_MIB ? 'within it' : 'OVER IT'}`,
    );
    report(projectRoot, 'gateway-memory', figures, { ...details, options, results, worstPeakRssMiB: Number.isFinite(worst) ? worst : null, statedBoundMiB: STATED_BOUND_MIB });
  } finally {
    await stopApp(registry);
  }
}
