import type { EventType } from '@hub/contracts';
import type { Evidence } from './evidence.js';
import type { EnrolmentFact, Fact, HouseholdMember } from './fact.js';

type Data = Record<string, unknown>;

/** The school entry year the gateway derived from the identity number (x-hub-derived), where the event has one. */
const schoolEntryYear = (data: Data) => (typeof data['schoolEntryYear'] === 'number' ? { schoolEntryYear: data['schoolEntryYear'] } : {});

/** The county-level division the record names (regionCode), where its contract has one. */
const regionCode = (data: Data) => (typeof data['regionCode'] === 'string' ? { regionCode: data['regionCode'] } : {});

const members = (data: Data): HouseholdMember[] =>
  ((data['members'] as Data[] | undefined) ?? []).map((member) => ({
    person: String(member['idNumber']),
    relation: String(member['relationToHead']),
    ...(typeof member['personalStatus'] === 'string' ? { personalStatus: member['personalStatus'] } : {}),
    ...(member['covered'] === false ? { covered: false } : {}),
    ...schoolEntryYear(member),
  }));

/** The canonical event types the rules read facts from (each is also its topic). */
export const FACT_EVENT_TYPES = [
  'civil-affairs.household-status.changed.v1',
  'civil-affairs.household-status.changed.v2',
  'rural-revitalisation.monitoring-status.changed.v1',
  'education.student-enrolment.changed.v1',
  'education.student-enrolment.changed.v2',
  'education.student-aid.granted.v1',
  'education.student-aid.granted.v2',
  'disability.certificate.changed.v1',
  'disability.subsidy.granted.v1',
  'healthcare-security.insurance-enrolment.recorded.v1',
  'healthcare-security.settlement.recorded.v1',
] as const satisfies readonly EventType[];

/** The fact event types about households, which name their members; the others are about one person, their record key. */
export const HOUSEHOLD_EVENT_TYPES: readonly string[] = [
  'civil-affairs.household-status.changed.v1',
  'civil-affairs.household-status.changed.v2',
  'rural-revitalisation.monitoring-status.changed.v1',
] satisfies EventType[];

/** The 学籍异动 of enrolment version 2, as joining or leaving the term. */
const ENROLMENT_CHANGES: Readonly<Record<string, EnrolmentFact['change']>> = {
  enrolled: 'enrolled',
  'transferred-in': 'transferred',
  resumed: 'enrolled',
  'transferred-out': 'left',
  suspended: 'left',
  'dropped-out': 'left',
  deceased: 'left',
  graduated: 'graduated',
};

const enrolment = (data: Data, evidence: Evidence) => ({
  kind: 'enrolment' as const,
  person: String(data['idNumber']),
  stage: String(data['stage']),
  term: String(data['term']),
  effectiveDate: String(data['effectiveDate']),
  ...regionCode(data),
  ...(typeof data['grade'] === 'number' ? { grade: data['grade'] } : {}),
  ...(typeof data['schoolCode'] === 'string' ? { schoolType: data['schoolCode'].slice(0, 2) } : {}),
  ...schoolEntryYear(data),
  evidence,
});

/**
 * What a canonical event (its type and pseudonymised data) says, as a fact; undefined for event
 * types the rules do not read. The data has passed its contract at the gateway.
 */
export function factFromEvent(type: string, data: Data, evidence: Evidence): Fact | undefined {
  switch (type) {
    case 'civil-affairs.household-status.changed.v1':
    case 'civil-affairs.household-status.changed.v2':
      return {
        kind: 'household-status',
        household: String(data['householdNumber']),
        category: String(data['category']),
        change: data['change'] as 'granted',
        from: String(data['effectiveFrom']),
        to: (data['effectiveTo'] as string | null | undefined) ?? null,
        members: members(data),
        ...(data['area'] === 'rural' || data['area'] === 'urban' ? { area: data['area'] } : {}),
        ...regionCode(data),
        evidence,
      };
    case 'rural-revitalisation.monitoring-status.changed.v1':
      return {
        kind: 'monitoring-status',
        household: String(data['householdNumber']),
        monitoringType: String(data['monitoringType']),
        change: data['change'] as 'monitoring-started',
        from: String(data['monitoringFrom']),
        to: (data['monitoringTo'] as string | null | undefined) ?? null,
        members: members(data),
        ...regionCode(data),
        evidence,
      };
    case 'education.student-enrolment.changed.v1':
      return { ...enrolment(data, evidence), change: data['change'] as 'enrolled' };
    case 'education.student-enrolment.changed.v2':
      return {
        ...enrolment(data, evidence),
        change: ENROLMENT_CHANGES[String(data['change'])] ?? 'left',
        reason: String(data['change']),
        boarding: data['boarding'] === true,
        rural: data['residence'] === 'rural',
        ...(typeof data['kindergartenType'] === 'string' ? { kindergartenType: data['kindergartenType'] } : {}),
      };
    case 'education.student-aid.granted.v1':
    case 'education.student-aid.granted.v2':
      return { kind: 'student-aid', person: String(data['idNumber']), term: String(data['term']), aidType: String(data['aidType']), evidence };
    case 'disability.certificate.changed.v1':
      return {
        kind: 'certificate',
        person: String(data['idNumber']),
        category: String(data['category']),
        grade: Number(data['grade']),
        change: data['change'] as 'issued',
        effectiveDate: String(data['effectiveDate']),
        ...schoolEntryYear(data),
        ...regionCode(data),
        evidence,
      };
    case 'disability.subsidy.granted.v1':
      return { kind: 'disability-subsidy', person: String(data['idNumber']), subsidyType: data['subsidyType'] as 'care', month: String(data['month']), evidence };
    case 'healthcare-security.insurance-enrolment.recorded.v1':
      return {
        kind: 'insurance',
        person: String(data['idNumber']),
        insuranceType: String(data['insuranceType']),
        year: Number(data['year']),
        status: data['status'] as 'enrolled',
        subsidyBasis: ((data['premiumSubsidy'] as Data | null | undefined)?.['basis'] as string | undefined) ?? null,
        evidence,
      };
    case 'healthcare-security.settlement.recorded.v1':
      return {
        kind: 'settlement',
        person: String(data['idNumber']),
        settledOn: String(data['settledOn']),
        selfPaidFen: Number(data['selfPaidInScopeFen']) + Number(data['selfPaidOutOfScopeFen']),
        selfPaidInScopeFen: Number(data['selfPaidInScopeFen']),
        admission: String(data['admission']),
        medicalAssistanceFen: Number(data['medicalAssistanceFen']),
        evidence,
      };
    default:
      return undefined;
  }
}
