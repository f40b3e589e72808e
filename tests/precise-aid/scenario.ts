import { factFromEvent, type Fact, type HouseholdFact, type PersonFact, type PersonView } from '@hub/precise-aid';
import type { CanonicalEvent } from '@hub/crosscheck';
import { contractExample } from '../support/contract-examples.js';

/** Pseudonyms shaped as the gateway makes them (the rules never see identity numbers). */
export const person = (name: string) => `p1.person.${name.padEnd(43, '0').slice(0, 43)}`;
export const household = (name: string, department = 'civil-affairs') => `p1.${department}-household-number.${name.padEnd(43, '0').slice(0, 43)}`;

let sequence = 0;

/** A canonical event as the crosscheck reads it: the standard contract's example with the given fields changed, received by the hub at `knownAt`. */
export function canonicalEvent(type: string, data: Record<string, unknown>, knownAt = '2026-09-02T08:00:00Z'): CanonicalEvent {
  const owner = type.split('.')[0];
  return { type, data: { ...contractExample(type), ...data }, evidence: { eventId: `${owner}-${++sequence}`, source: `/departments/${owner}`, type, knownAt } };
}

/** A fact as the crosscheck would read it from such a canonical event. */
export function fact(type: string, data: Record<string, unknown>, knownAt?: string): Fact {
  const event = canonicalEvent(type, data, knownAt);
  const made = factFromEvent(event.type, event.data, event.evidence);
  if (!made) throw new Error(`${type} makes no fact`);
  return made;
}

/** One person's view from the facts about them, their households and their relatives. */
export function viewOf(subject: string, facts: Fact[]): PersonView {
  const isHousehold = (f: Fact): f is HouseholdFact => f.kind === 'household-status' || f.kind === 'monitoring-status';
  const householdFacts = facts.filter(isHousehold).filter((f) => f.members.some((m) => m.person === subject));
  const personFacts = facts.filter((f): f is PersonFact => !isHousehold(f));
  return { person: subject, facts: personFacts.filter((f) => f.person === subject), householdFacts, relativeFacts: personFacts.filter((f) => f.person !== subject) };
}

export const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
export const MONITORING = 'rural-revitalisation.monitoring-status.changed.v1';
export const ENROLMENT = 'education.student-enrolment.changed.v1';
export const AID = 'education.student-aid.granted.v1';
export const CERTIFICATE = 'disability.certificate.changed.v1';
export const SUBSIDY = 'disability.subsidy.granted.v1';
export const INSURANCE = 'healthcare-security.insurance-enrolment.recorded.v1';

export const STUDENT = person('student');
export const FATHER = person('father');
export const HOME = household('home');

/** The household of a father and his child, with a status of the category from a date. */
export const status = (category: string, change: string, effectiveFrom: string, effectiveTo: string | null = null, knownAt?: string) =>
  fact(
    HOUSEHOLD,
    {
      householdNumber: HOME,
      category,
      change,
      effectiveFrom,
      effectiveTo,
      members: [
        { idNumber: FATHER, name: '马建国', relationToHead: 'head' },
        { idNumber: STUDENT, name: '马小军', relationToHead: 'child' },
      ],
    },
    knownAt,
  );

export const HOUSEHOLD_V2 = 'civil-affairs.household-status.changed.v2';
/** A household record of contract version 2: each member with whether the status covers them and their own status, and the status's 城乡. */
export const householdV2 = (
  category: string,
  change: string,
  effectiveFrom: string,
  members: { idNumber: string; relationToHead: string; personalStatus?: string; covered?: boolean }[],
  householdNumber = HOME,
  area: 'rural' | 'urban' = 'rural',
) =>
  fact(HOUSEHOLD_V2, {
    householdNumber,
    category,
    change,
    effectiveFrom,
    effectiveTo: null,
    area,
    members: members.map((m) => ({ idNumber: m.idNumber, name: '马', relationToHead: m.relationToHead, covered: m.covered ?? true, personalStatus: m.personalStatus ?? null })),
  });
export const enrolment = (term: string, change = 'enrolled', effectiveDate = '2026-09-01') => fact(ENROLMENT, { idNumber: STUDENT, term, change, effectiveDate });
export const ENROLMENT_V2 = 'education.student-enrolment.changed.v2';
export const AID_V2 = 'education.student-aid.granted.v2';
/** An enrolment of contract version 2, which states what the aid items turn on. */
export const enrolmentV2 = (
  term: string,
  stage: string,
  qualifiers: { boarding: boolean; residence: 'rural' | 'urban'; regionCode?: string; kindergartenType?: string },
  effectiveDate = '2026-09-01',
) => fact(ENROLMENT_V2, { idNumber: STUDENT, term, stage, change: 'enrolled', effectiveDate, ...qualifiers });
/** A payment of one aid item (contract version 2). */
export const aidItem = (term: string, aidType: string) => fact(AID_V2, { idNumber: STUDENT, term, aidType });
export const aid = (term: string, knownAt?: string) => fact(AID, { idNumber: STUDENT, term }, knownAt);
