import { CrosscheckEngine, InMemoryCrosscheckState, type CrosscheckState, type StateBatch } from '@hub/crosscheck';
import { POLICY_2026, type Finding, type FindingChange } from '@hub/precise-aid';
import { AID, canonicalEvent as event, CERTIFICATE, ENROLMENT, FATHER, HOME, HOUSEHOLD, STUDENT } from '../precise-aid/scenario.js';

const household = (category: string) =>
  event(HOUSEHOLD, {
    householdNumber: HOME,
    category,
    change: 'granted',
    effectiveFrom: '2026-03-01',
    effectiveTo: null,
    members: [
      { idNumber: FATHER, name: '马建国', relationToHead: 'head' },
      { idNumber: STUDENT, name: '马小军', relationToHead: 'child' },
    ],
  });
// The household also lacks insurance enrolments, which raises insurance gaps; these tests look at the missed aid.
const missedAid = (changes: FindingChange[]) => changes.filter((c) => c.finding.rule === 'missed-student-aid');
const openMissedAid = (state: InMemoryCrosscheckState): Finding[] => state.open().filter((f) => f.rule === 'missed-student-aid');
const enrolment = () => event(ENROLMENT, { idNumber: STUDENT, term: '2026-autumn', change: 'enrolled', effectiveDate: '2026-09-01' });

/**
 * The engine folds batches into a state and re-evaluates the persons they touch. These specify it on
 * the state a replay uses (memory); the e2e suites run it on PostgreSQL, and the replay tests show
 * both end with the same findings.
 */
describe('the crosscheck engine', () => {
  let state: InMemoryCrosscheckState;
  let engine: CrosscheckEngine;

  beforeEach(() => {
    state = new InMemoryCrosscheckState();
    // After the autumn term's payment deadline, so missed aid is judged.
    engine = new CrosscheckEngine(state, POLICY_2026, '2027-01-05');
  });

  it('raises a missed-aid finding when the enrolment arrives after the household status, and keeps it open', async () => {
    await engine.apply([household('dibao')]);
    const changes = missedAid(await engine.apply([enrolment()]));
    expect(changes.map((c) => [c.change, c.finding.rule, c.finding.subject])).toEqual([['raised', 'missed-student-aid', STUDENT]]);
    expect(openMissedAid(state).map((f) => f.findingId)).toEqual([changes[0].finding.findingId]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    const batch = [household('dibao'), enrolment()];
    expect(missedAid(await engine.apply(batch))).toHaveLength(1);
    expect(await engine.apply(batch)).toEqual([]);
  });

  it("re-evaluates a child when a housemate's certificate arrives: the parent's disability makes the student eligible", async () => {
    // A policy that counts only 低保, so the 低保边缘 household only tells the hub who the parents are.
    engine = new CrosscheckEngine(state, { ...POLICY_2026, studentAid: { ...POLICY_2026.studentAid, categories: ['dibao'] } }, '2027-01-05');
    expect(missedAid(await engine.apply([household('marginal-low-income'), enrolment()]))).toEqual([]);
    const changes = missedAid(await engine.apply([event(CERTIFICATE, { idNumber: FATHER, grade: 2, change: 'issued', effectiveDate: '2025-11-03' })]));
    expect(changes.map((c) => [c.change, c.finding.subject, c.finding.explanation])).toEqual([['raised', STUDENT, expect.stringMatching(/parent-disability from 2025-11-03/)]]);
  });

  it('closes the finding when the aid is granted, citing the grant, and holds it open no more', async () => {
    await engine.apply([household('dibao'), enrolment()]);
    const grant = event(AID, { idNumber: STUDENT, term: '2026-autumn' }, '2026-10-20T09:00:00Z');
    const [closed, ...more] = missedAid(await engine.apply([grant]));
    expect(more).toEqual([]);
    expect(closed).toMatchObject({ change: 'closed', finding: { subject: STUDENT } });
    expect(closed.finding.evidence).toContainEqual(grant.evidence);
    expect(openMissedAid(state)).toEqual([]);
  });
});

/**
 * Several instances in one consumer group share the state in PostgreSQL; a batch holds whom it
 * judges (issue 25). These specify what the engine asks to hold, on a state that records it.
 */
describe('the crosscheck engine beside other instances', () => {
  const NEWCOMER = 'p1.person.newcomer';

  /** A state whose batch takes every fact as new and, once the first keys are held, names a person another instance has just added to the household. */
  function sharedState() {
    const held: string[][] = [];
    const judged: string[][] = [];
    const batch: StateBatch = {
      insertFacts: (facts) => Promise.resolve([...facts]),
      affectedPersons: () => Promise.resolve(held.length === 0 ? [FATHER, STUDENT] : [FATHER, NEWCOMER, STUDENT]),
      hold: (keys) => {
        held.push([...keys]);
        return Promise.resolve();
      },
      views: (persons) => {
        judged.push([...persons]);
        return Promise.resolve([]);
      },
      openFindings: () => Promise.resolve([]),
      applyChanges: () => Promise.resolve(),
    };
    const state: CrosscheckState = { batch: (work) => work(batch) };
    return { state, held, judged };
  }

  it("holds the persons a batch's facts name and the household they are about before reading anyone's view", async () => {
    const { state, held } = sharedState();
    await new CrosscheckEngine(state, POLICY_2026, '2027-01-05').apply([household('dibao')]);
    expect(held[0]).toEqual([`person:${FATHER}`, `person:${STUDENT}`, `household:${HOME}`]);
  });

  it('asks again who is affected once they are held, and holds and judges a member another instance added meanwhile', async () => {
    const { state, held, judged } = sharedState();
    await new CrosscheckEngine(state, POLICY_2026, '2027-01-05').apply([household('dibao')]);
    expect(held.slice(1)).toEqual([[`person:${NEWCOMER}`]]);
    expect(judged).toEqual([[FATHER, NEWCOMER, STUDENT]]);
  });

  it('holds the persons a daily review judges again', async () => {
    const { state, held } = sharedState();
    const reviewing: CrosscheckState = { batch: (work) => state.batch((batch) => work({ ...batch, dueForReview: () => Promise.resolve([STUDENT]) })) };
    await new CrosscheckEngine(reviewing, POLICY_2026, '2027-01-05').reviewDue(10);
    expect(held).toEqual([[`person:${STUDENT}`]]);
  });
});
