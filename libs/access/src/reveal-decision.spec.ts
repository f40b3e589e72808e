import { decideReveal, type RevealRequest } from './reveal-decision.js';

const gap: RevealRequest = { findingId: 'f1', rule: 'insurance-gap', state: 'open', reveal: { purpose: '资助参保' }, statedPurpose: 'enrol with a premium subsidy' };

describe("deciding a reveal of a finding's subject (issue 20, entitled re-identification)", () => {
  it('lets the department an open finding is routed to learn the identity when the rule grants it, naming both purposes', () => {
    expect(decideReveal('healthcare-security', 'department', gap)).toEqual({
      member: 'healthcare-security',
      action: 'reveal-identity',
      resource: 'f1',
      allowed: true,
      reason: 'insurance-gap grants a reveal for "资助参保"; stated purpose: "enrol with a premium subsidy"',
    });
  });

  it('refuses a finding whose rule grants no reveal', () => {
    expect(decideReveal('education', 'department', { ...gap, rule: 'missed-student-aid', reveal: undefined })).toMatchObject({
      allowed: false,
      reason: 'the policy grants no reveal for missed-student-aid findings',
    });
  });

  it('refuses a closed finding', () => {
    expect(decideReveal('healthcare-security', 'department', { ...gap, state: 'closed' })).toMatchObject({ allowed: false, reason: expect.stringContaining('closed') });
  });

  it('refuses an auditor, who may read every finding but no identity', () => {
    expect(decideReveal('audit-office', 'auditor', gap)).toMatchObject({ allowed: false });
  });
});
