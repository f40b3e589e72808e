import type { DeliveredFinding } from '@hub/gateway';
import { actionFor, csvExport, needsReveal } from '@hub/department-simulation';
import { contractExample } from '../support/contract-examples.js';

const ENROLMENT = 'education.student-enrolment.changed.v1';
const enrolment = contractExample(ENROLMENT);
const students = new Map([[String(enrolment['studentNumber']), enrolment]]);

const finding = (rule: string, overrides: Partial<DeliveredFinding> = {}): DeliveredFinding => ({
  findingId: 'f'.repeat(64),
  rule,
  ruleVersion: '1.0.0',
  state: 'open',
  period: '2026-autumn',
  explanation: 'The household holds dibao from 2026-03-01; no aid is recorded for 2026-autumn.',
  evidence: [],
  subject: 'p1.person.x',
  recordKeys: { studentNumber: String(enrolment['studentNumber']) },
  responses: [],
  occurredAt: '2026-11-30T01:00:00.000Z',
  sequence: '1',
  ...overrides,
});

describe('what a simulated department does about a finding', () => {
  it('Education grants the missed aid for the term to the student it knows by 学籍号, and resolves the finding', () => {
    const action = actionFor('education', finding('missed-student-aid'), students, '张老师', '2026-11-30')!;
    expect(action.publish).toEqual([
      expect.objectContaining({
        type: 'education.student-aid.granted.v1',
        data: expect.objectContaining({ studentNumber: enrolment['studentNumber'], idNumber: enrolment['idNumber'], term: '2026-autumn', grantedOn: '2026-11-30' }),
      }),
    ]);
    expect(action.response).toEqual({ response: 'resolved', reason: `Aid granted, grant ${action.publish[0].id}.`, respondedBy: '张老师' });
  });

  it('Education grants the very item a per-item finding names (policy 1.2.0), as aid contract version 2', () => {
    const action = actionFor('education', finding('missed-student-aid', { period: '2026-spring', item: 'senior-high-grant' }), students, '张老师', '2026-11-30')!;
    expect(action.publish).toEqual([expect.objectContaining({ type: 'education.student-aid.granted.v2', data: expect.objectContaining({ term: '2026-spring', aidType: 'senior-high-grant' }) })]);
  });

  it('acknowledges a missed-aid finding about a student it does not know, granting nothing', () => {
    const action = actionFor('education', finding('missed-student-aid', { recordKeys: {} }), students, '张老师', '2026-11-30')!;
    expect(action).toEqual({ publish: [], response: expect.objectContaining({ response: 'acknowledged' }) });
  });

  it("enrols the person the hub revealed for an insurance gap, with a premium subsidy on the household's status, and resolves it (资助参保)", () => {
    const gap = finding('insurance-gap', { period: '2026', reveal: { purpose: '资助参保' } });
    const action = actionFor('healthcare-security', gap, new Map(), '李', '2026-11-30', {
      findingId: gap.findingId,
      subject: gap.subject,
      purpose: '资助参保',
      identityNumber: '640104198506120314',
      name: '马建国',
    })!;
    expect(action.publish).toEqual([
      {
        id: `ENR-2026-${'f'.repeat(12)}`,
        type: 'healthcare-security.insurance-enrolment.recorded.v1',
        data: {
          idNumber: '640104198506120314',
          regionCode: '640104',
          insuranceType: 'basic-medical',
          year: 2026,
          status: 'enrolled',
          premiumSubsidy: { basis: 'dibao', amountFen: 15000 },
          recordedOn: '2026-11-30',
        },
      },
    ]);
    expect(action.response).toMatchObject({ response: 'resolved' });
  });

  it('asks for a reveal only for an open, unanswered insurance gap whose finding grants one', () => {
    expect(needsReveal('healthcare-security', finding('insurance-gap', { reveal: { purpose: '资助参保' } }))).toBe(true);
    expect(needsReveal('healthcare-security', finding('insurance-gap'))).toBe(false);
    expect(needsReveal('healthcare-security', finding('insurance-gap', { reveal: { purpose: '资助参保' }, state: 'closed' }))).toBe(false);
    expect(needsReveal('education', finding('missed-student-aid', { reveal: { purpose: '资助参保' } }))).toBe(false);
  });

  it('acknowledges an insurance gap, which Healthcare Security cannot close from the finding alone', () => {
    expect(actionFor('healthcare-security', finding('insurance-gap', { period: '2026' }), new Map(), '李', '2026-11-30')).toEqual({
      publish: [],
      response: expect.objectContaining({ response: 'acknowledged' }),
    });
  });

  it('acknowledges a data-quality finding: the department checks and corrects its registers', () => {
    expect(actionFor('civil-affairs', finding('data-quality', { period: '2026-05-01' }), new Map(), '王', '2026-11-30')).toEqual({
      publish: [],
      response: expect.objectContaining({ response: 'acknowledged', reason: expect.stringMatching(/registers are being checked and corrected/) }),
    });
  });

  it.each([
    ['education', 'dropout-risk', /劝返/],
    ['civil-affairs', 'sole-dibao-candidate', /单人保/],
    ['rural-revitalisation', 'medical-cost-risk', /防止返贫监测/],
    ['healthcare-security', 'medical-assistance-missing', /医疗救助/],
  ])('acknowledges what %s does about a %s finding, which only people can act on', (department, rule, reason) => {
    expect(actionFor(department, finding(rule, { period: '2026' }), new Map(), '王', '2026-11-30')).toEqual({
      publish: [],
      response: expect.objectContaining({ response: 'acknowledged', reason: expect.stringMatching(reason) }),
    });
  });

  it('does nothing about a closed finding or one already answered', () => {
    expect(actionFor('education', finding('missed-student-aid', { state: 'closed' }), students, '张老师', '2026-11-30')).toBeUndefined();
    expect(actionFor('education', finding('missed-student-aid', { responses: [{ response: 'acknowledged', respondedAt: '2026-11-30T02:00:00Z' }] }), students, '张老师', '2026-11-30')).toBeUndefined();
  });
});

describe("a department's CSV export", () => {
  it('has a header row and a row per record, quoting cells that need it, with the mapping that reads it', () => {
    const certificate = contractExample('disability.certificate.changed.v1');
    const { csv, mapping } = csvExport([{ id: 'dis-1', type: 'disability.certificate.changed.v1', time: '2026-01-10T10:00:00+08:00', data: { ...certificate, name: '马, 雨桐' } }]);
    const [header, row] = csv.trimEnd().split('\n');
    expect(header.split(',').slice(0, 2)).toEqual(['记录编号', '办理时间']);
    expect(row).toContain('"马, 雨桐"');
    expect(mapping).toEqual({ idColumn: '记录编号', timeColumn: '办理时间', columns: Object.fromEntries(Object.keys(certificate).map((field) => [field, field])) });
  });
});
