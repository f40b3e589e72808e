import { CONSOLE_ACTIONS } from '@hub/access';
import { mayDo, permissionsOf } from './console-permission.js';
import { CONSOLE_ROLES } from './console-role.js';

describe('console permissions', () => {
  it('let only a department officer reveal who a finding is about', () => {
    expect(CONSOLE_ROLES.filter((role) => mayDo(role, 'reveal-identity'))).toEqual(['department-officer']);
  });

  it("show residents' findings to a department's people and the auditor, and to no engineer, steward or security administrator", () => {
    const seesFindings = CONSOLE_ROLES.filter((role) => mayDo(role, 'read-own-findings') || mayDo(role, 'search-all-findings'));
    expect(seesFindings).toEqual(['department-officer', 'department-administrator', 'auditor']);
  });

  it('let the auditor read across members and change nothing (三员分立)', () => {
    expect(permissionsOf('auditor').filter((action) => ['respond-to-finding', 'reveal-identity', 'check-contract'].includes(action))).toEqual([]);
  });

  it('leave no action open to nobody', () => {
    expect(CONSOLE_ACTIONS.filter((action) => !CONSOLE_ROLES.some((role) => mayDo(role, action)))).toEqual([]);
  });
});
