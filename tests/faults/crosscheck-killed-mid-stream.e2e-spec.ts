/**
 * The fault suite (issue 25), `npm run faults`: real processes, real faults, each measured in a
 * table row (fault-table.ts). A crosscheck killed
 * (SIGKILL) twice while it works through a backlog, and started again each time, ends with exactly the findings of a
 * run nobody disturbed, none announced twice. Too long for every `npm test`, which runs the short
 * versions: a consumer killed mid-batch (tests/messaging/crash-recovery) and the broker lost under
 * the gateway (tests/gateway/kafka-outage).
 */
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';
import type { AppProcess } from '../support/app-process.js';
import { startCrosscheck } from '../support/crosscheck-process.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, TEST_PSEUDONYM_KEYS, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { precariousFamily } from '../support/precarious-family.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { uniqueName } from '../support/unique-name.js';
import { reportFaults, type FaultRow } from './fault-table.js';

const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(TEST_PSEUDONYM_KEYS));
const SETTLE_MS = 3000;
/** Families published (FAULT_FAMILIES), in a wave before each kill: enough that the crosscheck is still working through a wave when it is killed. */
const FAMILIES = Number(process.env['FAULT_FAMILIES'] ?? 300);
/** How many times the crosscheck is killed (issue 25: each fault repeated). */
const KILLS = 2;

describe('a crosscheck killed mid-stream and started again (fault suite)', () => {
  let bed: GatewayTestBed;
  let steady: TestDatabase;
  let interrupted: TestDatabase;
  const rows: FaultRow[] = [];
  const start = (database: TestDatabase, name: string) => startCrosscheck(database.url, uniqueName('findings'), { settleMs: SETTLE_MS, name });

  beforeAll(async () => {
    bed = await startGatewayTestBed('crosscheck-killed', {
      members: [
        { id: 'education', role: 'department' },
        { id: 'civil-affairs', role: 'department' },
      ],
    });
    [steady, interrupted] = await Promise.all([createTestDatabase('crosscheck_steady'), createTestDatabase('crosscheck_interrupted')]);
  });

  afterAll(async () => {
    reportFaults(rows);
    await Promise.all([steady?.drop(), interrupted?.drop()]);
    await bed?.stop();
  });

  /** Publishes as a member and insists every record was accepted (a refusal would only show later as a missing finding). */
  const publish = async (member: string, records: unknown[]) => {
    const outcome = await bodyOf(await asMember(bed, member).post('/v1/events', records));
    expect([member, Number(outcome.accepted) + Number(outcome.duplicates)]).toEqual([member, records.length]);
  };

  // Open findings are what departments act on. Which findings were raised and closed on the way
  // depends on how the topics interleaved (aid read before the status it needs), in either run.
  it('ends with exactly the open findings of an uninterrupted run, none raised twice', async () => {
    const families = Array.from({ length: FAMILIES }, (_, i) => precariousFamily(i));
    // A wave of the families before each kill, so each strikes while there is work in hand.
    const waves = Array.from({ length: KILLS }, (_, wave) => families.filter((_, i) => i % KILLS === wave));
    const publishWave = async (wave: typeof families) => {
      await publish(
        'civil-affairs',
        wave.map((f) => f.household),
      );
      await publish(
        'education',
        wave.flatMap((f) => f.education),
      );
    };
    // The first wave waits as a backlog for both runs.
    await publishWave(waves[0]);
    const eventIds = families.flatMap((f) => [f.household.id, ...f.education.map((e) => e.id)]);
    const subjects = families.map((f) => pseudonymiser.pseudonymise('person', f.child));
    const factsIn = async (database: TestDatabase) => (await database.query('SELECT count(*)::int AS n FROM crosscheck_fact WHERE event_id = ANY($1)', [eventIds]))[0]['n'] as number;
    const findingsIn = (database: TestDatabase) =>
      database.query<{ finding_id: string; rule: string }>(`SELECT finding_id, rule FROM crosscheck_finding WHERE subject = ANY($1) AND state = 'open' ORDER BY finding_id`, [subjects]);

    // Both read every canonical topic from its beginning, in consumer groups of their own.
    // The interrupted run starts again under its name, in its consumer group.
    const interruptedName = uniqueName('interrupted').replace(/_/g, '-');
    const [steadyRun, first] = await Promise.all([start(steady, uniqueName('steady').replace(/_/g, '-')), start(interrupted, interruptedName)]);
    let victim: AppProcess = first;
    try {
      // Killed twice, each time once it is judging a new wave, and started again under its name.
      const measured: { recoverySeconds: number; inFlight: number }[] = [];
      let judged = 0;
      let published = 0;
      for (let kill = 1; kill <= KILLS; kill++) {
        const wave = waves[kill - 1];
        if (kill > 1) await publishWave(wave);
        published += wave.reduce((sum, f) => sum + 1 + f.education.length, 0);
        await eventually(`the interrupted run is judging wave ${kill}`, async () => (await factsIn(interrupted)) > judged, 120_000);
        await victim.stop('SIGKILL');
        const killedAt = Date.now();
        const atKill = await factsIn(interrupted);
        victim = await start(interrupted, interruptedName);
        await eventually('the interrupted run judges again', async () => (await factsIn(interrupted)) > atKill || atKill === published, 120_000);
        measured.push({ recoverySeconds: (Date.now() - killedAt) / 1000, inFlight: published - atKill });
        judged = await factsIn(interrupted);
      }
      await eventually('both runs have every fact of the scenario', async () => (await factsIn(steady)) === eventIds.length && (await factsIn(interrupted)) === eventIds.length, 120_000);
      await eventually('the outboxes are published', async () => {
        const pending = async (database: TestDatabase) => (await database.query('SELECT count(*)::int AS n FROM crosscheck_outbox WHERE published_at IS NULL'))[0]['n'] as number;
        return (await pending(steady)) === 0 && (await pending(interrupted)) === 0;
      });
      const steadyFindings = await findingsIn(steady);
      // Every third child got aid: the others' missed aid is open.
      expect(steadyFindings.filter((f) => f.rule === 'missed-student-aid')).toHaveLength(families.filter((_, i) => i % 3 !== 0).length);
      const raisedTwice = await interrupted.query(`SELECT finding_id FROM crosscheck_outbox WHERE change = 'raised' GROUP BY finding_id HAVING count(*) > 1`);
      const interruptedFindings = await findingsIn(interrupted);
      const missing = steadyFindings.filter((f) => !interruptedFindings.some((g) => g.finding_id === f.finding_id)).length;
      // Both kills struck one run: each row's lost and duplicated are that run's.
      rows.push(...measured.map((figures, index) => ({ fault: `crosscheck SIGKILL #${index + 1} (one run)`, ...figures, lost: missing, duplicated: raisedTwice.length })));
      expect(interruptedFindings).toEqual(steadyFindings);
      expect(raisedTwice).toEqual([]);
    } finally {
      await Promise.all([steadyRun.stop(), victim.stop()]);
    }
  });
});
