import { contractExample } from './contract-examples.js';
import { freshIdentityNumber } from './identity-numbers.js';
import { uniqueName } from './unique-name.js';

const HOUSEHOLD = 'civil-affairs.household-status.changed.v1';
const ENROLMENT = 'education.student-enrolment.changed.v1';
const AID = 'education.student-aid.granted.v1';

/** A 低保 household of a parent and a child, the child enrolled for 2026-spring; every third child also got aid. */
export function precariousFamily(i: number) {
  const child = freshIdentityNumber();
  const parent = freshIdentityNumber({ from: 1975, to: 1990 });
  const household = {
    id: uniqueName(`ca-${i}`),
    type: HOUSEHOLD,
    data: {
      ...contractExample(HOUSEHOLD),
      householdNumber: `640104-${String(i).padStart(6, '0')}`,
      members: [
        { idNumber: parent, name: '马建国', relationToHead: 'head' },
        { idNumber: child, name: '马小军', relationToHead: 'child' },
      ],
    },
  };
  const education = [
    { id: uniqueName(`edu-${i}`), type: ENROLMENT, data: { ...contractExample(ENROLMENT), idNumber: child, studentNumber: `G${child}`, term: '2026-spring', effectiveDate: '2026-02-15' } },
    ...(i % 3 === 0 ? [{ id: uniqueName(`aid-${i}`), type: AID, data: { ...contractExample(AID), idNumber: child, studentNumber: `G${child}`, term: '2026-spring' } }] : []),
  ];
  return { child, household, education };
}
