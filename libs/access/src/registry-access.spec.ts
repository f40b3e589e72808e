import { decideCompatibilityChange, decideRegistration, decideRegistryAction, decideRegistryRead } from './registry-access.js';

const education = { member: 'education', role: 'department' } as const;
const engineer = { member: 'integration-engineer', role: 'integration-engineer' } as const;
const steward = { member: 'data-steward', role: 'data-steward' } as const;
const auditor = { member: 'audit-office', role: 'auditor' } as const;
const own = { subject: 'education.x.v1-value', currentOwner: 'education', candidateOwner: 'education', governed: [] };

describe('registry access (issue 19)', () => {
  it('lets every member read the catalogue', () => {
    expect(decideRegistryRead(auditor, 'GET /subjects').allowed).toBe(true);
  });

  it("lets a department register its own subjects and no one else's", () => {
    expect(decideRegistration(education, own).allowed).toBe(true);
    expect(decideRegistration(education, { ...own, currentOwner: 'civil-affairs', candidateOwner: 'civil-affairs' })).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('belongs to civil-affairs'),
    });
  });

  it("judges a department's new subject by the owner its candidate names", () => {
    expect(decideRegistration(education, { ...own, currentOwner: undefined }).allowed).toBe(true);
    expect(decideRegistration(education, { ...own, currentOwner: undefined, candidateOwner: 'disability' }).allowed).toBe(false);
  });

  it('keeps governed changes for the data steward, even from an integration engineer', () => {
    const governed = { ...own, governed: ['field /idNumber was personal-identifier and would be public'] };
    expect(decideRegistration(engineer, governed)).toMatchObject({ allowed: false, reason: expect.stringContaining('needs the data-steward role') });
    expect(decideRegistration(steward, governed).allowed).toBe(true);
  });

  it('refuses every registration to an auditor', () => {
    expect(decideRegistration(auditor, own)).toMatchObject({ allowed: false, reason: expect.stringContaining('audit-office is an auditor') });
  });

  it('lets a department dry-run a check of its own subject only, and sample checks only to engineers and stewards', () => {
    expect(decideRegistryAction(education, 'check-contract', own.subject, 'education').allowed).toBe(true);
    expect(decideRegistryAction(education, 'check-contract', own.subject, 'civil-affairs').allowed).toBe(false);
    expect(decideRegistryAction(education, 'sample-check', own.subject, 'education').allowed).toBe(false);
    expect(decideRegistryAction(engineer, 'sample-check', own.subject).allowed).toBe(true);
  });

  it('keeps deletion for the data steward, naming the role', () => {
    expect(decideRegistryAction(engineer, 'delete-contract', own.subject)).toMatchObject({
      allowed: false,
      reason: 'delete-contract needs the data-steward role; integration-engineer is an integration-engineer',
    });
    expect(decideRegistryAction(steward, 'delete-contract', own.subject).allowed).toBe(true);
  });

  it('lets whoever may register a subject "set" the level in force, and only a steward change it', () => {
    expect(decideCompatibilityChange(education, own.subject, { owner: 'education', unchanged: true }).allowed).toBe(true);
    expect(decideCompatibilityChange(education, own.subject, { owner: 'education', unchanged: false }).allowed).toBe(false);
    expect(decideCompatibilityChange(education, own.subject, { owner: 'civil-affairs', unchanged: true }).allowed).toBe(false);
    expect(decideCompatibilityChange(steward, own.subject, { owner: 'education', unchanged: false }).allowed).toBe(true);
  });
});
