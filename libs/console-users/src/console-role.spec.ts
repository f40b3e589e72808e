import { CONSOLE_ROLES, needsSecondFactor, rolesForMember } from './console-role.js';

describe('console roles', () => {
  it('keep security administration, auditing and changing the system apart: no kind of member opens two of them (三员分立)', () => {
    const apart = ['security-administrator', 'auditor', 'integration-engineer', 'data-steward'];
    const kinds = ['department', 'auditor', 'integration-engineer', 'data-steward', 'hub-operators'] as const;
    expect(kinds.filter((kind) => rolesForMember(kind).filter((role) => apart.includes(role)).length > 1)).toEqual([]);
  });

  it('are each open to some kind of member', () => {
    const open = new Set((['department', 'auditor', 'integration-engineer', 'data-steward', 'hub-operators'] as const).flatMap((kind) => rolesForMember(kind)));
    expect([...open].sort()).toEqual([...CONSOLE_ROLES].sort());
  });

  it('ask administrators and auditors for a second factor, and officers and engineers not', () => {
    expect(CONSOLE_ROLES.filter(needsSecondFactor)).toEqual(['department-administrator', 'auditor', 'security-administrator']);
  });
});
