import { AID_TYPES, PREMIUM_SUBSIDY } from '@hub/demo-region';
import type { Finding, FindingResponse, FindingReveal, SubmissionRecord } from '@hub/hub-client';
import type { EventType } from '@hub/contracts';

/** What a department does about a finding: records to publish (the missing aid), and its response. */
export interface FindingAction {
  publish: SubmissionRecord[];
  response: FindingResponse;
}

/** What a department knows of its own students, by 学籍号: enough to grant aid. */
export type StudentIndex = ReadonlyMap<string, Record<string, unknown>>;

const AID = 'education.student-aid.granted.v1' satisfies EventType;
/** Aid per item (version 2), for findings that name the item. */
const AID_ITEM = 'education.student-aid.granted.v2' satisfies EventType;
const ENROLMENT = 'healthcare-security.insurance-enrolment.recorded.v1' satisfies EventType;
/** Whether a department needs to learn who a finding is about before it can act (it asks the hub: a reveal). */
export function needsReveal(department: string, finding: Finding): boolean {
  return department === 'healthcare-security' && finding.rule === 'insurance-gap' && finding.reveal !== undefined && finding.state === 'open' && finding.responses.length === 0;
}

/** Healthcare Security enrols the person the hub revealed, with the premium subsidy their status calls for (资助参保), for the finding's year. */
function enrolment(finding: Finding, person: FindingReveal, recordedOn: string): SubmissionRecord {
  // The statuses the explanation names, the most generous subsidy first; 脱贫户 alone get none.
  const premiumSubsidy = Object.entries(PREMIUM_SUBSIDY).find(([status]) => finding.explanation.includes(status))?.[1] ?? null;
  return {
    id: `ENR-${finding.period}-${finding.findingId.slice(0, 12)}`,
    type: ENROLMENT,
    data: {
      idNumber: person.identityNumber,
      regionCode: person.identityNumber.slice(0, 6),
      insuranceType: 'basic-medical',
      year: Number(finding.period),
      status: 'enrolled',
      premiumSubsidy,
      recordedOn,
    },
  };
}

/**
 * How each department acts on the findings routed to it, as a caseworker would: Education grants
 * the missing aid and says so; Healthcare Security enrols the person the hub revealed to it; for a review or a gap it cannot close itself, a department
 * acknowledges and says what happens next. Findings already answered, or closed, need nothing.
 */
export function actionFor(department: string, finding: Finding, students: StudentIndex, respondedBy: string, grantedOn: string, revealed?: FindingReveal): FindingAction | undefined {
  if (finding.state !== 'open' || finding.responses.length > 0) return undefined;
  const acknowledge = (reason: string): FindingAction => ({ publish: [], response: { response: 'acknowledged', reason, respondedBy } });
  if (department === 'education' && finding.rule === 'missed-student-aid') {
    const enrolment = students.get(finding.recordKeys['studentNumber'] ?? '');
    if (!enrolment) return acknowledge('The student is not in our register; the school will check.');
    // Numbered by the finding, not the 学籍号 (which embeds the identity number): the gateway refuses those.
    const grantNumber = `AID-${finding.period}-${finding.findingId.slice(0, 12)}`;
    // The item the finding names (policy 1.2.0), or, for an older finding, the stage's aid.
    const aid: SubmissionRecord = {
      id: grantNumber,
      type: finding.item ? AID_ITEM : AID,
      data: {
        grantNumber,
        studentNumber: enrolment['studentNumber'],
        idNumber: enrolment['idNumber'],
        schoolCode: enrolment['schoolCode'],
        term: finding.period,
        aidType: finding.item ?? AID_TYPES[String(enrolment['stage'])],
        amountFen: 62500,
        grantedOn: grantedOn,
      },
    };
    return { publish: [aid], response: { response: 'resolved', reason: `Aid granted, grant ${grantNumber}.`, respondedBy } };
  }
  if (finding.rule === 'aid-without-eligibility') return acknowledge("The school is checking the family's documents.");
  if (finding.rule === 'insurance-gap' && revealed) {
    return { publish: [enrolment(finding, revealed, grantedOn)], response: { response: 'resolved', reason: 'Enrolled with a premium subsidy (资助参保).', respondedBy } };
  }
  if (finding.rule === 'insurance-gap') return acknowledge('To be enrolled with a premium subsidy once Civil Affairs confirms the person.');
  if (finding.rule === 'insurance-subsidy-mismatch') return acknowledge("The premium subsidy is being corrected with the county's medical assistance office (医疗救助).");
  if (finding.rule === 'disability-subsidy-not-due') return acknowledge('The county federation stops the subsidy and recovers what was paid when it was not due (应退则退).');
  if (finding.rule.startsWith('disability-')) return acknowledge('The subsidy is being reviewed by the county federation.');
  if (finding.rule === 'dropout-risk') return acknowledge('The township school visits the family to bring the pupil back (劝返), or arranges teaching at home (送教上门).');
  if (finding.rule === 'sole-dibao-candidate') return acknowledge('The township office tells the person they may apply for 低保 on their own (单人保).');
  if (finding.rule === 'medical-assistance-missing') return acknowledge('The county medical assistance office applies the assistance to the settlements (医疗救助 一站式结算 补办).');
  if (finding.rule === 'medical-cost-risk') return acknowledge('The village assesses the household for monitoring (防止返贫监测), with Civil Affairs for medical assistance.');
  if (finding.rule === 'data-quality') return acknowledge('The registers are being checked and corrected.');
  return acknowledge('Under review.');
}
