/**
 * The auditors' tools on a hub of the suite's own (its own broker, so the log holds exactly this
 * history): `hub replay` rebuilds the findings as they stood at a moment with the live engine in
 * memory and compares them with what the crosscheck announced, runs a what-if policy and gives the
 * same report twice; `hub audit lineage` shows why a finding was raised and who read it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, LocalKafkaBroker } from '@hub/local-infra';
import { POLICY_2026 } from '@hub/precise-aid';
import { VersionedKeyRing, Pseudonymiser } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { EVALUATION_DATE, startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, publishOne, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { auditKeyFiles, startAudit, TEST_AUDIT_STORE_KEYS } from '../support/audit-process.js';
import { runCli } from '../support/run-cli.js';
import { uniqueName } from '../support/unique-name.js';
import { ownBrokerOptions } from '../support/own-broker.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';
const CERTIFICATE = 'disability.certificate.changed.v1';
const pseudonym = (identityNumber: string) => new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS)).pseudonymise('person', identityNumber);

const missedAid = (report: Report) => report.findings.items.filter((f) => f.rule === 'missed-student-aid');

interface Report {
  asOf: string;
  evaluationDate: string;
  evaluationDateFrom: string;
  policyVersion: string;
  log: { source: string; records: number };
  findings: { open: number; items: { rule: string; subject: string; period: string; ruleVersion: string }[] };
  recorded: { open: number };
  differences: { appears: number; disappears: number; changes: number; items: { difference: string; rule: string; subject: string; period: string; why: string }[] };
}

describe("the auditors' tools", () => {
  const folder = mkdtempSync(join(tmpdir(), 'hub-replay-'));
  let broker: LocalKafkaBroker;
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;
  let audit: AppProcess;
  const [aided, parentOnly, father] = [freshIdentityNumber(), freshIdentityNumber(), freshIdentityNumber()];
  let beforeAid: Date;
  let afterAid: Date;

  const publish = (member: string, type: string, data: Record<string, unknown>) => publishOne(bed, member, type, data);
  const published: string[] = [];
  /** Waits until the crosscheck holds every event published so far and has announced every change, then notes the moment. */
  const settledMoment = async () => {
    await eventually('the crosscheck has every event and nothing left to announce', async () => {
      const [facts] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_fact WHERE event_id = ANY($1)', [published]);
      const [pending] = await bed.database.query<{ n: number }>('SELECT count(*)::int AS n FROM crosscheck_outbox WHERE published_at IS NULL');
      return facts.n === published.length && pending.n === 0;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return new Date();
  };
  const replay = async (asOf: Date, ...extra: string[]): Promise<{ report: Report; json: string; stderr: string }> => {
    const out = join(folder, `${uniqueName('report')}.json`);
    // Judged as of the day the crosscheck announced its findings under (EVALUATION_DATE), by default.
    const args = ['replay', '--as-of', asOf.toISOString(), '--brokers', broker.bootstrapServers, '--database', bed.database.url, '--findings-topic', bed.findingsTopic, '--out', out, ...extra];
    const run = await runCli(args, { AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS });
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const json = readFileSync(out, 'utf8');
    return { report: JSON.parse(json) as Report, json, stderr: run.stderr };
  };

  beforeAll(async () => {
    broker = await LocalKafkaBroker.start(await ownBrokerOptions(folder));
    const departments = ['education', 'civil-affairs', 'disability'];
    bed = await startGatewayTestBed('auditor-tools', {
      members: [...departments.map((id) => ({ id, role: 'department' as const })), { id: 'audit-office', role: 'auditor' }],
      brokers: [broker.bootstrapServers],
    });
    crosscheck = await startCrosscheck(bed.database.url, bed.findingsTopic, { settleMs: 300, brokers: [broker.bootstrapServers] });

    // A 低保 child enrolled without aid (missed aid), and a child whose only claim is a father's disability certificate.
    const members = (child: string, parent?: string) => [...(parent ? [{ idNumber: parent, name: '马', relationToHead: 'head' }] : []), { idNumber: child, name: '马', relationToHead: 'child' }];
    published.push(
      await publish('civil-affairs', HOUSEHOLD, { householdNumber: '640104-R00001', category: 'dibao', change: 'granted', effectiveFrom: '2026-03-01', effectiveTo: null, members: members(aided) }),
    );
    published.push(await publish('education', ENROLMENT, { idNumber: aided, studentNumber: `G${aided}`, term: '2026-spring', effectiveDate: '2026-02-15' }));
    // A 低保 granted from after the term: it tells the hub who the father is, and counts for nothing in the term.
    published.push(
      await publish('civil-affairs', HOUSEHOLD, {
        householdNumber: '640104-R00002',
        category: 'dibao',
        change: 'granted',
        effectiveFrom: '2027-03-01',
        effectiveTo: null,
        members: members(parentOnly, father),
      }),
    );
    published.push(await publish('disability', CERTIFICATE, { idNumber: father, certificateNumber: `${father}42`, category: 'physical', grade: 2, change: 'issued', effectiveDate: '2025-11-03' }));
    published.push(await publish('education', ENROLMENT, { idNumber: parentOnly, studentNumber: `G${parentOnly}`, term: '2026-spring', effectiveDate: '2026-02-15' }));
    beforeAid = await settledMoment();
    published.push(await publish('education', AID, { idNumber: aided, studentNumber: `G${aided}`, term: '2026-spring' }));
    afterAid = await settledMoment();
  });

  afterAll(async () => {
    await audit?.stop();
    await crosscheck?.stop();
    await bed?.stop();
    await broker?.stop();
  });

  it('rebuilds the findings as they stood between two events: the missed aid is open before the aid is granted', async () => {
    const { report } = await replay(beforeAid);
    expect(missedAid(report).map((f) => [f.rule, f.subject, f.period])).toEqual(
      [
        ['missed-student-aid', pseudonym(aided), '2026-spring'],
        ['missed-student-aid', pseudonym(parentOnly), '2026-spring'],
      ].sort((a, b) => a.join(' ').localeCompare(b.join(' '))),
    );
    expect(report.log.records).toBe(5);
    expect(report.differences.items).toEqual([]);
  });

  it('judges as of the day the hub judged its findings as of, by default, and says so; a date given wins (issue 21)', async () => {
    const { report } = await replay(afterAid);
    expect(report).toMatchObject({ evaluationDate: EVALUATION_DATE, evaluationDateFrom: 'announced' });
    const given = await replay(afterAid, '--evaluation-date', '2026-12-31');
    expect(given.report).toMatchObject({ evaluationDate: '2026-12-31', evaluationDateFrom: 'given' });
  });

  it("rebuilds the findings after the aid: only the father's-certificate case is open, as the crosscheck announced", async () => {
    const { report } = await replay(afterAid);
    expect(missedAid(report).map((f) => [f.rule, f.subject])).toEqual([['missed-student-aid', pseudonym(parentOnly)]]);
    expect(report.log.records).toBe(6);
    expect(report.recorded.open).toBe(report.findings.open);
    expect(report.differences.items).toEqual([]);
  });

  it("runs a what-if policy: without parents' certificates, exactly that student's finding disappears", async () => {
    const policyFile = join(folder, 'without-parents.json');
    writeFileSync(policyFile, JSON.stringify({ ...POLICY_2026, version: '1.1.0-whatif', studentAid: { ...POLICY_2026.studentAid, disabilityOfParent: false } }));
    const { report } = await replay(afterAid, '--rules', policyFile);
    expect(report.policyVersion).toBe('1.1.0-whatif');
    expect(missedAid(report)).toEqual([]);
    expect(report.differences.items).toEqual([
      expect.objectContaining({
        difference: 'disappears',
        rule: 'missed-student-aid',
        subject: pseudonym(parentOnly),
        period: '2026-spring',
        why: expect.stringMatching(/parent-disability.*no rule of policy 1\.1\.0-whatif holds it open/),
      }),
    ]);
  });

  it('gives byte-identical reports for the same log and rules', async () => {
    const [first, second] = [await replay(afterAid), await replay(afterAid)];
    expect(second.json).toBe(first.json);
  });

  it('gives the same report when the state is cut into slices replayed on worker threads', async () => {
    const [inOne, inSlices] = [await replay(afterAid, '--workers', '1', '--slices', '1'), await replay(afterAid, '--workers', '2', '--slices', '3')];
    expect(inSlices.json).toBe(inOne.json);
  });

  it('tells on the terminal how long it took and how much memory it used, which the report leaves out', async () => {
    const { json, stderr } = await replay(afterAid);
    expect(stderr).toMatch(/^replayed 6 canonical records in [\d.]+ s \([\d,]+ records\/s\): read and stored in [\d.]+ s, \d+ persons judged and compared in [\d.]+ s; peak RSS \d+ MiB$/m);
    expect(json).not.toMatch(/records\/s|RSS/);
  });

  it('writes nothing to the live tables', async () => {
    const counts = async () =>
      bed.database.query<{ facts: number; findings: number; outbox: number }>(
        'SELECT (SELECT count(*)::int FROM crosscheck_fact) AS facts, (SELECT count(*)::int FROM crosscheck_finding) AS findings, (SELECT count(*)::int FROM crosscheck_outbox) AS outbox',
      );
    const before = await counts();
    await replay(afterAid);
    expect(await counts()).toEqual(before);
  });

  it("says in one line that the broker cannot be reached, with none of the Kafka client's retries", async () => {
    const closed = await freePort();
    const run = await runCli(['replay', '--as-of', 'now', '--brokers', `127.0.0.1:${closed}`, '--database', bed.database.url]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^hub: .*ECONNREFUSED 127\\.0\\.0\\.1:${closed}`))]);
  });

  it('refuses a policy file that is not a policy, naming the field', async () => {
    const policyFile = join(folder, 'broken.json');
    writeFileSync(policyFile, JSON.stringify({ ...POLICY_2026, studentAid: { ...POLICY_2026.studentAid, minDaysInTerm: 'thirty' } }));
    const run = await runCli(['replay', '--as-of', afterAid.toISOString(), '--rules', policyFile, '--brokers', broker.bootstrapServers, '--database', bed.database.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.json is not a policy: \/studentAid\/minDaysInTerm must be integer/);
  });

  describe('hub audit lineage', () => {
    interface Step {
      kind: string;
      by: string;
      what: string;
      topic: string;
    }
    let findingId: string;
    let evidence: { eventId: string; source: string; type: string }[];
    let steps: Step[];

    beforeAll(async () => {
      audit = await startAudit(bed.database.url, { topics: '^(?!__)', signingKeyFile: auditKeyFiles().signingKeyFile, brokers: [broker.bootstrapServers] });
      const told = (await bodyOf(await asMember(bed, 'education').get('/v1/findings?rule=missed-student-aid&state=open'))).items as { findingId: string; subject: string; evidence: typeof evidence }[];
      ({ findingId, evidence } = told.find((f) => f.subject === pseudonym(parentOnly))!);
      await asMember(bed, 'audit-office').get('/v1/findings?member=education');
      expect((await asMember(bed, 'education').post(`/v1/findings/${findingId}/responses`, { response: 'acknowledged', respondedBy: '张老师' })).status).toBe(202);
      // Missed aid grants no reveal: the request is refused, and the refusal is part of the finding's story.
      expect((await asMember(bed, 'education').post(`/v1/findings/${findingId}/reveal`, { purpose: '核实家庭情况' })).status).toBe(403);
      let last = { code: null as number | null, stderr: '' };
      const complete = () =>
        steps.filter((s) => s.kind === 'response').length === 1 &&
        new Set(steps.filter((s) => s.kind === 'access').map((s) => s.by)).size === 2 &&
        steps.some((s) => s.kind === 'access' && s.what.startsWith('reveal refused'));
      // On a timeout the assertion below shows what the command printed instead.
      await eventually(
        'the audit store holds the response and both reads',
        async () => {
          const run = await runCli(['audit', 'lineage', findingId, '--json', '--database', bed.database.url, '--findings-topic', bed.findingsTopic], { AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS });
          last = run;
          steps = run.code === 0 ? (JSON.parse(run.stdout) as { steps: Step[] }).steps : [];
          return complete();
        },
        60_000,
      ).catch(() => undefined);
      expect({ complete: complete(), code: last.code, stderr: last.stderr, steps }).toMatchObject({ complete: true, code: 0 });
    });

    it('follows a finding by the first digits of its id, as hub findings shows them, and says when they name none', async () => {
      const lineageOf = (id: string) => runCli(['audit', 'lineage', id, '--json', '--database', bed.database.url, '--findings-topic', bed.findingsTopic], { AUDIT_STORE_KEYS: TEST_AUDIT_STORE_KEYS });
      const byPrefix = await lineageOf(findingId.slice(0, 12));
      expect(byPrefix.code).toBe(0);
      expect((JSON.parse(byPrefix.stdout) as { findingId: string; steps: Step[] }).findingId).toBe(findingId);
      const unknown = findingId.startsWith('0') ? 'ffffffff' : '00000000';
      const none = await lineageOf(unknown);
      expect({ code: none.code, stdout: none.stdout.trim() }).toEqual({ code: 1, stdout: `no finding announced on ${bed.findingsTopic} has an id beginning ${unknown}` });
    });

    it('names each event the finding rests on, with its department and topic', () => {
      expect(evidence.map((e) => e.type).sort()).toEqual([CERTIFICATE, ENROLMENT]);
      expect(
        steps
          .filter((s) => s.kind === 'evidence')
          .map((s) => [s.by, s.topic, s.what])
          .sort(),
      ).toEqual(evidence.map((e) => [e.source.replace('/departments/', ''), e.type, `${e.type} event ${e.eventId}`]).sort());
    });

    it("shows the finding raised by the crosscheck and the department's response", () => {
      expect(steps).toContainEqual(
        expect.objectContaining({
          kind: 'finding-change',
          by: 'crosscheck',
          what: expect.stringMatching(new RegExp(`^raised by missed-student-aid ${POLICY_2026.version.replaceAll('.', '\\.')}, routed to education`)),
        }),
      );
      expect(steps).toContainEqual(expect.objectContaining({ kind: 'response', by: 'education', what: 'acknowledged' }));
    });

    it('replays from the audit store just as from the topics', async () => {
      const [fromTopics, fromAudit] = [await replay(afterAid), await replay(afterAid, '--source', 'audit')];
      expect(fromAudit.report.log).toMatchObject({ source: 'audit-store', records: fromTopics.report.log.records });
      expect(fromAudit.report.findings).toEqual(fromTopics.report.findings);
      expect(fromAudit.report.differences).toEqual(fromTopics.report.differences);
    });

    it('shows a reveal of its subject asked for, with the purpose stated and the decision (issue 20)', () => {
      expect(steps).toContainEqual(
        expect.objectContaining({ kind: 'access', by: 'education', what: expect.stringMatching(/^reveal refused for "核实家庭情况": the policy grants no reveal for missed-student-aid findings/) }),
      );
    });

    it("lists every read that served it, the auditor's included", () => {
      const readers = new Set(steps.filter((s) => s.kind === 'access').map((s) => s.by));
      expect([...readers].sort()).toEqual(['audit-office', 'education']);
    });
  });
});
