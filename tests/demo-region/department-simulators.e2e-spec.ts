/**
 * The five department simulators (apps/department-simulator, on the typed client) publish a
 * generated region through a real gateway, Disabled Persons' Federation as CSV exports, and act on
 * the findings they are told of: the missed aid is granted and its finding closes by itself, every
 * other planted finding is acknowledged. On a broker of the suite's own: another generated region
 * on the shared canonical topics would reuse these record ids and persons.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_REGION, type ExpectedFinding } from '@hub/demo-region';
import { LocalKafkaBroker } from '@hub/local-infra';
import { findIdentityNumbers, toKafkaBinary } from '@hub/contracts';
import { ACCESS_LOG_TOPIC, type AccessLogEntry } from '@hub/members';
import { createKafkaClient, HubProducer, memberTopics, readTopicWindow } from '@hub/messaging';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import { AppProcess } from '../support/app-process.js';
import { auditKeyFiles, startAudit } from '../support/audit-process.js';
import { contractExample } from '../support/contract-examples.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { testKafkaSettings } from '../support/test-kafka.js';
import { ownBrokerOptions } from '../support/own-broker.js';

const DEPARTMENTS = ['civil-affairs', 'rural-revitalisation', 'education', 'disability', 'healthcare-security'];
const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));

interface Told {
  findingId: string;
  rule: string;
  subject: string;
  period: string;
  item?: string;
  state: string;
  responses: { response: string; reason?: string }[];
}

describe('the department simulators', () => {
  const started = Date.now();
  const regionDir = mkdtempSync(join(tmpdir(), 'hub-demo-region-'));
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  let audit: AppProcess;
  const simulators: AppProcess[] = [];
  let planted: ExpectedFinding[];
  let generated: CliRun;

  const told = async (department: string): Promise<Told[]> => (await bodyOf(await asMember(bed, department).get('/v1/findings?limit=1000'))).items as Told[];
  const plantedFor = (department: string) => planted.filter((e) => e.routedTo === department);
  const isPlanted = (expected: ExpectedFinding) => (f: Told) =>
    f.rule === expected.rule && f.period === expected.period && f.item === expected.item && f.subject === pseudonymiser.pseudonymise('person', expected.idNumber);
  /** The department's findings once every one of these planted findings is closed and resolved, or as they are after 90 s (the assertions then show what is missing). */
  const onceResolved = async (department: string, planted: readonly ExpectedFinding[]): Promise<Told[]> => {
    let findings: Told[] = [];
    await eventually(
      `every planted finding of ${department} closed and resolved`,
      async () => {
        findings = await told(department);
        return planted.every((e) => findings.some((f) => isPlanted(e)(f) && f.state === 'closed' && f.responses.some((r) => r.response === 'resolved')));
      },
      90_000,
    ).catch(() => undefined);
    return findings;
  };

  beforeAll(async () => {
    generated = await runCli(['demo', 'generate', '--persons', String(DEMO_REGION.persons), '--seed', String(DEMO_REGION.seed), '--out', regionDir]);
    expect(generated.code).toBe(0);
    planted = readFileSync(join(regionDir, 'expected-findings.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ExpectedFinding);
    broker = await LocalKafkaBroker.start(await ownBrokerOptions(regionDir));
    bed = await startGatewayTestBed('simulators', { members: DEPARTMENTS.map((id) => ({ id, role: 'department' as const })), brokers: [broker.bootstrapServers] });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 300, brokers: [broker.bootstrapServers] });
    // The audit records every topic but Kafka's own and the raw inbound ones, as it does by default.
    audit = await startAudit(bed.database.url, { topics: '^(?!__|hub\\.inbound\\.)', signingKeyFile: auditKeyFiles().signingKeyFile, brokers: [broker.bootstrapServers] });
    for (const department of DEPARTMENTS) {
      simulators.push(
        AppProcess.start('apps/department-simulator/src/main.js', { DEPARTMENT: department, HUB_API_KEY: bed.keys[department], GATEWAY_URL: bed.url, REGION_DIR: regionDir, FINDINGS_POLL_MS: '300' }),
      );
    }
  });

  afterAll(async () => {
    for (const simulator of simulators) await simulator.stop();
    await audit?.stop();
    await crosscheck?.stop();
    await bed?.stop();
    await broker?.stop();
  });

  it('says how many residents it made in whole households, and how many the last household added to those asked for', () => {
    const { persons } = JSON.parse(readFileSync(join(regionDir, 'summary.json'), 'utf8')) as { persons: number };
    const past = persons - DEMO_REGION.persons;
    expect(past).toBeGreaterThanOrEqual(0);
    expect(generated.stdout).toContain(past > 0 ? `${persons} persons (${DEMO_REGION.persons} asked for; the last household adds ${past} more) in ` : `${persons} persons in `);
  });

  it('shows its progress toward the residents asked for, never past them', () => {
    const shown = [...generated.stderr.matchAll(/([\d,]+) of ([\d,]+) persons/g)].map((line) => [line[1], line[2]].map((n) => Number(n.replace(/,/g, ''))));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter(([done, total]) => done > total)).toEqual([]);
  });

  it('plants findings for Education and at least one other department in the region', () => {
    expect(plantedFor('education').some((e) => e.rule === 'missed-student-aid')).toBe(true);
    expect(new Set(planted.map((e) => e.routedTo)).size).toBeGreaterThan(1);
  });

  it("publishes the Disabled Persons' Federation's share as CSV exports, by a declared mapping", async () => {
    await eventually('the disability records are in', async () => {
      if (simulators[3].exited) throw new Error(simulators[3].lines.join('\n'));
      return simulators[3].lines.some((line) => line.includes('published'));
    });
    const mappings = await bed.database.query<{ event_type: string }>(`SELECT event_type FROM gateway_csv_mapping WHERE member_id = 'disability' ORDER BY event_type`);
    expect(mappings.map((m) => m.event_type)).toEqual(['disability.certificate.changed.v1', 'disability.subsidy.granted.v1']);
    expect(simulators[3].lines.find((line) => line.includes('published'))).toMatch(
      /published \d+ records \(disability\.certificate\.changed\.v1, disability\.subsidy\.granted\.v1 as CSV exports\), 0 rejected/,
    );
  });

  it("loads each department's share in a bulk load of its own, closed once the share is in (issue 25)", async () => {
    await eventually('every department has loaded its share', async () => simulators.every((simulator) => simulator.lines.some((line) => line.includes('published'))));
    for (const department of DEPARTMENTS) {
      const { items } = await bodyOf(await asMember(bed, department).get('/v1/bulk-loads'));
      expect([department, items.length, items[0]?.closedAt === undefined]).toEqual([department, 1, false]);
    }
  });

  it('closes the loop on missed aid: Education grants it, says so, and the finding closes by itself', async () => {
    const missed = plantedFor('education').filter((e) => e.rule === 'missed-student-aid');
    const findings = await onceResolved('education', missed);
    for (const expected of missed) {
      expect(findings.find(isPlanted(expected))).toMatchObject({
        state: 'closed',
        responses: [expect.objectContaining({ response: 'resolved', reason: expect.stringMatching(/^Aid granted, grant AID-2026-spring-[0-9a-f]{12}\.$/) })],
      });
    }
  });

  it('closes the loop on insurance gaps: Healthcare Security learns who through a reveal, enrols them, and the finding closes (issue 20)', async () => {
    const gaps = plantedFor('healthcare-security').filter((e) => e.rule === 'insurance-gap');
    expect(gaps.length).toBeGreaterThan(0);
    const findings = await onceResolved('healthcare-security', gaps);
    for (const expected of gaps) expect(findings.find(isPlanted(expected))).toMatchObject({ state: 'closed', responses: [expect.objectContaining({ response: 'resolved' })] });
    const reveals: AccessLogEntry[] = [];
    await readTopicWindow(testKafkaSettings('simulators-access-log', [broker.bootstrapServers]), ACCESS_LOG_TOPIC, { since: started, limit: 10_000_000 }, (record) => {
      const entry = JSON.parse(record.value!.toString('utf8')) as AccessLogEntry;
      if (entry.action === 'reveal-identity') reveals.push(entry);
    });
    // A gap may close before the department asks (its enrolment was only late), and that reveal is refused: every planted one was revealed.
    const gapIds = findings.filter((f) => gaps.some((e) => isPlanted(e)(f))).map((f) => f.findingId);
    expect(gapIds.every((id) => reveals.some((entry) => entry.resource === id && entry.allowed))).toBe(true);
    expect(reveals.every((entry) => entry.member === 'healthcare-security' && entry.purpose?.startsWith('资助参保'))).toBe(true);
  });

  it('acknowledges every other planted finding at the department it is routed to', async () => {
    const others = planted.filter((e) => e.rule !== 'missed-student-aid' && e.rule !== 'insurance-gap');
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

  it('lists a department its findings with hub findings, one line each with the id as hub audit lineage takes it, and in full with --json', async () => {
    const asEducation = (...args: string[]) => runCli(['findings', '--as', 'education', '--gateway', bed.url, '--limit', '1000', ...args], { HUB_API_KEY: bed.keys['education'] });
    // A finding that changes between the calls moves in the order (a change takes a new sequence) and may change its state:
    // compared by what stays, and asked again should the simulators' work change the list meanwhile.
    const shown = async () => {
      const [text, json, fromGateway] = [await asEducation(), await asEducation('--json'), await told('education')];
      const page = JSON.parse(json.stdout) as { items: Told[] };
      const listed = text.stdout
        .trim()
        .split('\n')
        .map((line) => /^(?:open|closed) +(\S+) +(\S+) +([0-9a-f]{12})  \S/.exec(line)?.slice(1).join(' ') ?? line)
        .sort();
      return {
        json: page.items.map((f) => f.findingId).sort(),
        gateway: fromGateway.map((f) => f.findingId).sort(),
        text: listed,
        expectedText: page.items.map((f) => `${f.rule} ${f.period} ${f.findingId.slice(0, 12)}`).sort(),
      };
    };
    let last: Awaited<ReturnType<typeof shown>> = { json: [], gateway: [], text: [], expectedText: [] };
    // On a timeout the assertions below show what differed.
    await eventually(
      'hub findings to agree with the gateway',
      async () => {
        last = await shown();
        return JSON.stringify(last.json) === JSON.stringify(last.gateway) && JSON.stringify(last.text) === JSON.stringify(last.expectedText);
      },
      30_000,
    ).catch(() => undefined);
    expect(last.json.length).toBeGreaterThan(0);
    expect(last.json).toEqual(last.gateway);
    expect(last.text).toEqual(last.expectedText);
  });

  describe('the privacy scan (issue 20): after the region, hostile records and a Kafka-native publish', () => {
    const HOSTILE_NUMBER = '640104198506120314';
    const counts = { topics: 0, records: 0, rows: 0, tables: 0, logLines: 0 };
    const found: { where: string; what: string }[] = [];
    let names: Set<string>;
    const kafkaEventId = `ca-kafka-${Date.now()}`;

    /**
     * Contract documents are published and kept with their examples, which are synthetic sample
     * data, not residents: the contracts topic, the registry's schemas and their audit entries are
     * not scanned.
     */
    const isContractDocument = (where: string) => where === `topic ${bed.contractsTopic}` || where === 'table registry_schema' || where === `audit of ${bed.contractsTopic}`;
    /** Identity numbers (any form findIdentityNumbers knows, valid ones) and region residents' names in a text. */
    const scan = (where: string, text: string) => {
      if (isContractDocument(where)) return;
      // SHA-256 digests in hex (finding ids, hashes) and UUIDs (event ids) are left out: now and then one holds 18 digits in a row
      // (a UUID's hyphens read as separators) that pass the division code, the date and the check (a CI run on 2026-12-06 found one beside the finding responses).
      const withoutDigests = text.replace(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g, ' ').replace(/(?<![0-9a-f-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f-])/g, ' ');
      for (const hit of findIdentityNumbers(withoutDigests)) if (hit.valid) found.push({ where, what: `identity number ${hit.identityNumber.slice(0, 6)}…` });
      for (const name of names) if (text.includes(name)) found.push({ where, what: `name ${name}` });
    };

    beforeAll(async () => {
      names = new Set(
        readdirSync(regionDir)
          .filter((file) => file.endsWith('.ndjson') && file !== 'expected-findings.ndjson')
          .flatMap((file) => readFileSync(join(regionDir, file), 'utf8').match(/"name":"([^"]+)"/g) ?? [])
          .map((match) => match.slice('"name":"'.length, -1)),
      );
      const household = contractExample('civil-affairs.household-status.changed.v1');
      const aid = contractExample('education.student-aid.granted.v1');
      const hostile = [
        asMember(bed, 'civil-affairs').post('/v1/events', [
          { id: `hh-hostile-${Date.now()}`, type: 'civil-affairs.household-status.changed.v1', data: { ...household, decisionNumber: '民救〔2026〕６４０１０４１９８５０６１２０３１４号' } },
        ]),
        asMember(bed, 'education').post('/v1/events', [
          { id: `aid-hostile-${Date.now()}`, type: 'education.student-aid.granted.v1', data: { ...aid, grantNumber: 'AID-2026-autumn-G640104201204150512' } },
        ]),
        asMember(bed, 'civil-affairs').post('/v1/events', [{ id: `hh-${HOSTILE_NUMBER}`, type: 'civil-affairs.household-status.changed.v1', data: household }]),
      ];
      for (const answer of await Promise.all(hostile)) expect((await bodyOf(answer)).rejected).toBe(1);
      const open = (await told('education')).find((f) => f.state === 'open');
      if (open)
        expect(
          (await asMember(bed, 'education').post(`/v1/findings/${open.findingId}/responses`, { response: 'acknowledged', reason: `checked ${HOSTILE_NUMBER}`, respondedBy: '张老师' })).status,
        ).toBe(400);
      const producer = new HubProducer(createKafkaClient(testKafkaSettings('privacy-scan', [broker.bootstrapServers])));
      await producer.send([
        {
          topic: memberTopics('civil-affairs').inbound,
          ...toKafkaBinary(
            { specversion: '1.0', id: kafkaEventId, source: '/systems/minzheng', type: 'civil-affairs.household-status.changed.v1', datacontenttype: 'application/json', data: household },
            kafkaEventId,
          ),
        },
      ]);
      await producer.disconnect();
      await eventually(
        "the audit holds the Kafka-native record's canonical event",
        async () => {
          const rows: unknown[] = await bed.database.query('SELECT 1 FROM audit_entry WHERE event_id = $1', [kafkaEventId]);
          return rows.length > 0;
        },
        60_000,
      );
    });

    it("finds no identity number and no name on any topic but the raw inbound ones (the departments' own channels, which the audit leaves out)", async () => {
      const admin = createKafkaClient(testKafkaSettings('privacy-scan-admin', [broker.bootstrapServers])).admin();
      await admin.connect();
      const topics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__') && !topic.startsWith('hub.inbound.'));
      await admin.disconnect();
      for (const topic of topics) {
        counts.topics++;
        await readTopicWindow(testKafkaSettings('privacy-scan-reader', [broker.bootstrapServers]), topic, { since: 0, limit: 10_000_000 }, (record) => {
          counts.records++;
          scan(`topic ${topic}`, `${record.key ?? ''} ${record.value?.toString('utf8') ?? ''} ${JSON.stringify(record.headers)}`);
        });
      }
      expect(counts.records).toBeGreaterThan(1000);
      expect(found).toEqual([]);
    });

    it('finds none in any table of the database, the audit store included', async () => {
      const tables: { tablename: string }[] = await bed.database.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
      for (const { tablename } of tables) {
        counts.tables++;
        const rows: Record<string, unknown>[] = await bed.database.query(`SELECT * FROM ${tablename}`);
        for (const row of rows) {
          counts.rows++;
          scan(
            tablename === 'audit_entry' ? `audit of ${String(row['topic'])}` : `table ${tablename}`,
            Object.values(row)
              .map((value) => (Buffer.isBuffer(value) ? value.toString('utf8') : JSON.stringify(value)))
              .join(' '),
          );
        }
      }
      expect(counts.rows).toBeGreaterThan(1000);
      expect(found).toEqual([]);
    });

    it('finds none in any log line the apps wrote', () => {
      for (const [app, lines] of [
        ['gateway', bed.gateway.lines],
        ['crosscheck', crosscheck.lines],
        ['audit', audit.lines],
        ...simulators.map((s, i) => [`simulator ${DEPARTMENTS[i]}`, s.lines] as const),
      ] as const) {
        for (const line of lines) {
          counts.logLines++;
          scan(`log of ${app}`, line);
        }
      }
      process.stdout.write(
        `[privacy scan] ${counts.topics} topics, ${counts.records} records; ${counts.tables} tables, ${counts.rows} rows; ${counts.logLines} log lines; ${names.size} names looked for; ${found.length} found\n`,
      );
      expect(found).toEqual([]);
    });

    it("does find them where they are meant to be: the region's files as the departments hold them (the scan can fail)", () => {
      const before = found.length;
      scan('the region file', readFileSync(join(regionDir, 'civil-affairs.ndjson'), 'utf8').slice(0, 20_000));
      expect(found.length).toBeGreaterThan(before);
      found.length = before;
    });
  });
});
