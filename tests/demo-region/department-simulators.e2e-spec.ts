/**
 * The five department simulators (apps/department-simulator, on the typed client) publish a
 * generated region through a real gateway, Disabled Persons' Federation as CSV exports, and act on
 * the findings they are told of: the missed aid is granted and its finding closes by itself, every
 * other planted finding is acknowledged. On a broker of the suite's own: another generated region
 * on the shared canonical topics would reuse these record ids and persons.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpectedFinding } from '@hub/demo-region';
import { findProjectRoot, freePort, LocalKafkaBroker } from '@hub/local-infra';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { AppProcess } from '../support/app-process.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { runCli } from '../support/run-cli.js';

const DEPARTMENTS = ['civil-affairs', 'rural-revitalisation', 'education', 'disability', 'healthcare-security'];
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));

interface Told {
  rule: string;
  subject: string;
  period: string;
  state: string;
  responses: { response: string; reason?: string }[];
}

describe('the department simulators', () => {
  const regionDir = mkdtempSync(join(tmpdir(), 'hub-demo-region-'));
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  const simulators: AppProcess[] = [];
  let planted: ExpectedFinding[];

  const told = async (department: string): Promise<Told[]> => (await bodyOf(await asMember(bed, department).get('/v1/findings?limit=1000'))).items as Told[];
  const plantedFor = (department: string) => planted.filter((e) => e.routedTo === department);
  const isPlanted = (expected: ExpectedFinding) => (f: Told) => f.rule === expected.rule && f.period === expected.period && f.subject === pseudonymiser.pseudonymise('person', expected.idNumber);

  beforeAll(async () => {
    const generated = await runCli(['demo', 'generate', '--persons', '1000', '--seed', '3', '--out', regionDir]);
    expect(generated.code).toBe(0);
    planted = readFileSync(join(regionDir, 'expected-findings.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ExpectedFinding);
    broker = await LocalKafkaBroker.start({ projectRoot: findProjectRoot(), dataDir: join(regionDir, 'kafka'), port: await freePort(), controllerPort: await freePort(), heapMb: 384, log: () => undefined });
    bed = await startGatewayTestBed('simulators', { members: DEPARTMENTS.map((id) => ({ id, role: 'department' as const })), brokers: [broker.bootstrapServers] });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 300, brokers: [broker.bootstrapServers] });
    for (const department of DEPARTMENTS) {
      simulators.push(
        AppProcess.start('apps/department-simulator/src/main.js', { DEPARTMENT: department, HUB_API_KEY: bed.keys[department]!, GATEWAY_URL: bed.url, REGION_DIR: regionDir, FINDINGS_POLL_MS: '300' }),
      );
    }
  });

  afterAll(async () => {
    for (const simulator of simulators) await simulator.stop();
    await crosscheck?.stop();
    await bed?.stop();
    await broker?.stop();
  });

  it('plants findings for Education and at least one other department in the region', () => {
    expect(plantedFor('education').some((e) => e.rule === 'missed-student-aid')).toBe(true);
    expect(new Set(planted.map((e) => e.routedTo)).size).toBeGreaterThan(1);
  });

  it('publishes the Disabled Persons\' Federation\'s share as CSV exports, by a declared mapping', async () => {
    await eventually('the disability records are in', async () => {
      if (simulators[3]!.exited) throw new Error(simulators[3]!.lines.join('\n'));
      return simulators[3]!.lines.some((line) => line.includes('published'));
    });
    const mappings = await bed.database.query<{ event_type: string }>(`SELECT event_type FROM gateway_csv_mapping WHERE member_id = 'disability' ORDER BY event_type`);
    expect(mappings.map((m) => m.event_type)).toEqual(['disability.certificate.changed.v1', 'disability.subsidy.granted.v1']);
    expect(simulators[3]!.lines.find((line) => line.includes('published'))).toMatch(/published \d+ records \(disability\.certificate\.changed\.v1, disability\.subsidy\.granted\.v1 as CSV exports\), 0 rejected/);
  });

  it('closes the loop on missed aid: Education grants it, says so, and the finding closes by itself', async () => {
    const missed = plantedFor('education').filter((e) => e.rule === 'missed-student-aid');
    let findings: Told[] = [];
    await eventually(
      'every planted missed-aid finding closed and resolved',
      async () => {
        findings = await told('education');
        return missed.every((e) => findings.some((f) => isPlanted(e)(f) && f.state === 'closed' && f.responses.some((r) => r.response === 'resolved')));
      },
      90_000,
    ).catch(() => undefined);
    for (const expected of missed) {
      expect(findings.find(isPlanted(expected))).toMatchObject({ state: 'closed', responses: [expect.objectContaining({ response: 'resolved', reason: expect.stringMatching(/^Aid granted, grant AID-2026-autumn-[0-9a-f]{12}\.$/) })] });
    }
  });

  it('acknowledges every other planted finding at the department it is routed to', async () => {
    const others = planted.filter((e) => e.rule !== 'missed-student-aid');
    const byDepartment = new Map<string, Told[]>();
    await eventually(
      'every other planted finding acknowledged',
      async () => {
        for (const department of new Set(others.map((e) => e.routedTo))) byDepartment.set(department, await told(department));
        return others.every((e) => byDepartment.get(e.routedTo)!.some((f) => isPlanted(e)(f) && f.responses.some((r) => r.response === 'acknowledged')));
      },
      90_000,
    ).catch(() => undefined);
    for (const expected of others) {
      expect(byDepartment.get(expected.routedTo)!.find(isPlanted(expected))).toMatchObject({ state: 'open', responses: [expect.objectContaining({ response: 'acknowledged' })] });
    }
  });
});
