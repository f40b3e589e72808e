import { AppProcess } from '../support/app-process.js';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { freshIdentityNumber } from '../support/identity-numbers.js';
import { testKafkaBrokers } from '../support/test-kafka.js';
import { uniqueName } from '../support/unique-name.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';

interface DeliveredFinding {
  findingId: string;
  rule: string;
  state: string;
  period: string;
  recordKeys: Record<string, string>;
  evidence: { eventId: string }[];
}

describe('the precise-aid loop: departments publish, the crosscheck finds, the department is told in its own keys', () => {
  let bed: GatewayTestBed;
  let crosscheck: AppProcess;

  beforeAll(async () => {
    bed = await startGatewayTestBed('crosscheck-loop', { members: [{ id: 'education', role: 'department' }, { id: 'civil-affairs', role: 'department' }] });
    crosscheck = AppProcess.start('apps/crosscheck/src/main.js', {
      SERVICE_NAME: uniqueName('crosscheck').replace(/_/g, '-'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: bed.database.url,
      FINDINGS_TOPIC: bed.findingsTopic,
    });
    await eventually('the crosscheck consumes', async () => {
      if (crosscheck.exited) throw new Error(crosscheck.lines.join('\n'));
      return crosscheck.lines.some((line) => line.includes('joined consumer group'));
    });
  });

  afterAll(async () => {
    await crosscheck?.stop();
    await bed?.stop();
  });

  const findingsOf = async (studentNumber: string): Promise<DeliveredFinding[]> =>
    ((await bodyOf(await asMember(bed, 'education').get('/v1/findings?limit=1000'))).items as DeliveredFinding[]).filter((f) => f.recordKeys['studentNumber'] === studentNumber);

  it('raises missed student aid for a 低保 family\'s enrolled child with no aid, and closes it when the aid is granted', async () => {
    const child = freshIdentityNumber();
    const parent = freshIdentityNumber({ from: 1975, to: 1990 });
    const studentNumber = `G${child}`;
    const householdId = uniqueName('ca');
    const enrolmentId = uniqueName('edu');
    await asMember(bed, 'civil-affairs').post('/v1/events', [
      {
        id: householdId,
        type: HOUSEHOLD,
        data: {
          ...contractExample(HOUSEHOLD),
          householdNumber: `640104-${child.slice(-6)}`,
          members: [
            { idNumber: parent, name: '马建国', relationToHead: 'head' },
            { idNumber: child, name: '马小军', relationToHead: 'child' },
          ],
        },
      },
    ]);
    await asMember(bed, 'education').post('/v1/events', [{ id: enrolmentId, type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber: child, studentNumber } }]);

    let raised: DeliveredFinding | undefined;
    await eventually('education is told of the missed aid', async () => {
      raised = (await findingsOf(studentNumber)).find((f) => f.rule === 'missed-student-aid');
      return raised !== undefined;
    });
    expect(raised).toMatchObject({ state: 'open', period: '2026-autumn' });
    expect(raised!.evidence.map((e) => e.eventId).sort()).toEqual([enrolmentId, householdId].sort());

    await asMember(bed, 'education').post('/v1/events', [{ id: uniqueName('aid'), type: AID, data: { ...contractExample(AID), idNumber: child, studentNumber, term: '2026-autumn' } }]);
    await eventually('the finding closes by itself', async () => (await findingsOf(studentNumber)).some((f) => f.findingId === raised!.findingId && f.state === 'closed'));
  });
});
