import { POLICY_2026 } from '@hub/precise-aid';
import { KNOWN_POLICIES, PolicyDocumentError, policyFromDocument } from './policy-document.js';

describe('policy files (what-if)', () => {
  it.each([...KNOWN_POLICIES.keys()])('accept every policy the hub has run, as JSON (%s)', (version) => {
    const document = JSON.parse(JSON.stringify(KNOWN_POLICIES.get(version))) as unknown;
    expect(policyFromDocument(document, `${version}.json`)).toEqual(document);
  });

  it('refuse a field of the wrong type, naming it', () => {
    const broken = { ...POLICY_2026, studentAid: { ...POLICY_2026.studentAid, minDaysInTerm: 'thirty' } };
    expect(() => policyFromDocument(broken, 'broken.json')).toThrow(/broken\.json is not a policy: \/studentAid\/minDaysInTerm must be integer/);
  });

  it('refuse a field the policy does not have, naming it', () => {
    expect(() => policyFromDocument({ ...POLICY_2026, bonus: true }, 'extra.json')).toThrow(/\(bonus\)/);
  });

  it("refuse a policy that lacks a check's settings, naming the missing field", () => {
    const { gradeForAge: _dropped, ...dataQuality } = POLICY_2026.dataQuality;
    expect(() => policyFromDocument({ ...POLICY_2026, dataQuality }, 'old.json')).toThrow(PolicyDocumentError);
    expect(() => policyFromDocument({ ...POLICY_2026, dataQuality }, 'old.json')).toThrow(/gradeForAge/);
  });

  it('refuse a value out of its range: a grace of a year for 控辍保学', () => {
    expect(() => policyFromDocument({ ...POLICY_2026, schooling: { ...POLICY_2026.schooling!, graceDays: 365 } }, 'long.json')).toThrow(/\/schooling/);
  });

  it('refuse a reveal grant for a rule the hub does not have', () => {
    expect(() => policyFromDocument({ ...POLICY_2026, reveal: { 'no-such-rule': { purpose: '资助参保' } } }, 'grant.json')).toThrow(/no-such-rule/);
  });
});
