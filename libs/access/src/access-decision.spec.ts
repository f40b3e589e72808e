import { decidePublish, decideRead } from './access-decision.js';

describe('access decisions', () => {
  it('let a department publish the event types it owns', () => {
    expect(decidePublish('education', 'education.student-aid.granted.v1', 'education')).toMatchObject({ allowed: true });
  });

  it("refuse another department's event type, naming its owner", () => {
    expect(decidePublish('education', 'civil-affairs.household-status.changed.v1', 'civil-affairs')).toEqual({
      member: 'education',
      action: 'publish',
      resource: 'civil-affairs.household-status.changed.v1',
      allowed: false,
      reason: 'civil-affairs.household-status.changed.v1 belongs to civil-affairs',
    });
  });

  it('refuse an event type nobody registered', () => {
    expect(decidePublish('education', 'education.pets.v1', undefined)).toMatchObject({ allowed: false, reason: 'no contract is registered for education.pets.v1' });
  });

  it('let a department read only what is routed to it, and an auditor read everything', () => {
    expect(decideRead('education', 'department', 'read-findings', 'education').allowed).toBe(true);
    expect(decideRead('education', 'department', 'read-findings', 'healthcare-security')).toMatchObject({ allowed: false, reason: 'routed to healthcare-security, not education' });
    expect(decideRead('audit-office', 'auditor', 'read-findings', 'healthcare-security').allowed).toBe(true);
  });
});
