/** Facts about one 低保 family (a parent with a certificate, an enrolled child), as the crosscheck's tests store and read them. */
import type { Fact } from '@hub/precise-aid';

const knownAt = '2026-09-01T08:00:00.000Z';

export function exampleFamily(names: { parent: string; child: string; household: string }): { status: Fact; enrolment: Fact; certificate: Fact } {
  const evidence = (department: string, type: string) => ({ eventId: `${department}-1`, source: `/departments/${department}`, type: `cn.gov.nx.${department}.${type}`, knownAt });
  return {
    status: {
      kind: 'household-status',
      household: names.household,
      category: '低保',
      change: 'granted',
      from: '2026-01-01',
      to: null,
      members: [
        { person: names.parent, relation: '户主' },
        { person: names.child, relation: '子女' },
      ],
      area: 'rural',
      evidence: evidence('civil-affairs', 'household-status.v2'),
    },
    enrolment: {
      kind: 'enrolment',
      person: names.child,
      stage: 'compulsory',
      term: '2026-autumn',
      change: 'enrolled',
      effectiveDate: '2026-09-01',
      boarding: true,
      rural: true,
      evidence: evidence('education', 'student-enrolment.v2'),
    },
    certificate: {
      kind: 'certificate',
      person: names.parent,
      category: '肢体',
      grade: 1,
      change: 'issued',
      effectiveDate: '2025-05-01',
      evidence: evidence('disability', 'certificate.v1'),
    },
  };
}
