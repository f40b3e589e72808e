import { bindingProblems } from './binding-problems.js';

const bound = (owner: string, topic: string) => ({ type: 'object', 'x-hub-contract': { owner, topic, type: topic, version: 1, partitionKey: 'id' } });

describe('the topic binding of a contract (security review C1)', () => {
  it("is sound when the topic is in the owner's namespace and names the subject", () => {
    expect(bindingProblems('education.student-aid.granted.v1-value', bound('education', 'education.student-aid.granted.v1'))).toEqual([]);
    expect(bindingProblems('hub.finding.changed.v1-value', bound('hub', 'hub.finding.changed.v1'))).toEqual([]);
  });

  it('has nothing to say about a contract bound to no topic', () => {
    expect(bindingProblems('probe', { type: 'object' })).toEqual([]);
  });

  it('refuses a topic of another department', () => {
    expect(bindingProblems('civil-affairs.household-status.changed.v1-value', bound('education', 'civil-affairs.household-status.changed.v1'))).toEqual([
      'the topic "civil-affairs.household-status.changed.v1" is not in its owner\'s namespace (it must begin "education.")',
    ]);
  });

  it("refuses the hub's internal topics, even for the hub", () => {
    for (const topic of ['hub.inbound.education', 'hub.results.education', 'hub.findings.education', 'hub.deadletter', 'hub.access-log', 'hub.contracts', 'hub.audit.checkpoint.v1']) {
      expect(bindingProblems(`${topic}-value`, bound('hub', topic))).toEqual([`the topic "${topic}" is one of the hub's internal topics, which no contract is bound to`]);
    }
  });

  it('refuses a second subject bound to a topic, which would take the topic over', () => {
    expect(bindingProblems('takeover', bound('education', 'education.student-aid.granted.v1'))).toEqual([
      'a contract bound to "education.student-aid.granted.v1" is registered under the subject "education.student-aid.granted.v1-value", not "takeover"',
    ]);
  });
});
