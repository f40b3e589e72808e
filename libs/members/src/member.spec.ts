import { memberIdProblem } from './member.js';

describe('a member id', () => {
  it('is a department code: lower-case letters, digits and dashes', () => {
    expect(memberIdProblem('education')).toBeUndefined();
    expect(memberIdProblem('Education')).toMatch(/must be lower-case letters, digits and dashes/);
  });

  it('cannot be one the hub keeps for itself: hub owns the findings contracts', () => {
    expect(memberIdProblem('hub')).toBe('member id "hub" is the hub\'s own (hub, gateway, registry, crosscheck, audit, admin are reserved)');
    expect(memberIdProblem('crosscheck')).toMatch(/reserved/);
  });

  it("cannot be the broker's super user, or begin like the services' Kafka principals (issue 19)", () => {
    expect(memberIdProblem('admin')).toMatch(/reserved/);
    expect(memberIdProblem('hub-gateway')).toMatch(/names the hub's own services' Kafka principals/);
  });
});
