import type { SharingRule } from '@hub/access';
import type { FactSource } from './delivered-fact.js';
import type { KeptFact, SharedFactRepository } from './shared-fact.repository.js';
import { SharedFacts } from './shared-facts.js';

const source: FactSource = { eventType: 'disability.certificate.issued.v1', eventId: 'e1', source: 'disabled-persons-federation', occurredAt: '2026-09-01T00:00:00.000Z' };

const kept = (sequence: string, subject: string, fields: Record<string, unknown>, eventType = source.eventType): KeptFact => ({ ...source, eventType, sequence, subject, fields });

/** A repository holding the given facts, as known to the member asking; it remembers what it was asked and the reads noted. */
function factsInMemory(facts: KeptFact[]) {
  const noted: { member: string; subjects: readonly string[] }[] = [];
  const asked: (readonly string[])[] = [];
  const repository: Pick<SharedFactRepository, 'knownTo' | 'noteReads'> = {
    knownTo: (_member, eventTypes) => {
      asked.push(eventTypes);
      return Promise.resolve(facts.filter((fact) => eventTypes.includes(fact.eventType)));
    },
    noteReads: (member, subjects) => {
      noted.push({ member, subjects });
      return Promise.resolve();
    },
  };
  return { repository: repository as SharedFactRepository, noted, asked };
}

const ledger = { recordKeys: (_member: string, subjects: readonly string[]) => Promise.resolve(new Map(subjects.map((subject) => [subject, { studentNumber: `G-${subject}` }]))) };

const rule: SharingRule = { member: 'education', fields: ['disabilityCategory'], purpose: '残疾学生资助' };

describe('SharedFacts.list: what a member reads of other departments’ facts', () => {
  it("gives only the fields the member's sharing rule grants, with the rule's purpose and the member's own record keys", async () => {
    const { repository } = factsInMemory([kept('1', 'p1.person.a', { disabilityCategory: 'visual', disabilityGrade: 2 })]);
    const [fact] = await new SharedFacts(repository, ledger).list('education', new Map([[source.eventType, rule]]), { limit: 10 });
    expect(fact).toEqual({ ...source, sequence: '1', fields: { disabilityCategory: 'visual' }, purpose: '残疾学生资助', recordKeys: { studentNumber: 'G-p1.person.a' } });
  });

  it('notes a read per fact served, by person, for the auditors’ list of look-ups', async () => {
    const { repository, noted } = factsInMemory([kept('1', 'p1.person.a', {}), kept('2', 'p1.person.a', {}), kept('3', 'p1.person.b', {})]);
    await new SharedFacts(repository, ledger).list('education', new Map([[source.eventType, rule]]), { limit: 10 });
    expect(noted).toEqual([{ member: 'education', subjects: ['p1.person.a', 'p1.person.a', 'p1.person.b'] }]);
  });

  it('reads nothing, and notes nothing, for a member no rule shares any fact with', async () => {
    const { repository, noted, asked } = factsInMemory([kept('1', 'p1.person.a', {})]);
    expect(await new SharedFacts(repository, ledger).list('education', new Map(), { limit: 10 })).toEqual([]);
    expect([asked, noted]).toEqual([[], []]);
  });

  it('asks only for the event types the rules name', async () => {
    const { repository, asked } = factsInMemory([kept('1', 'p1.person.a', {}), kept('2', 'p1.person.a', {}, 'civil-affairs.household-assistance.status-changed.v2')]);
    const facts = await new SharedFacts(repository, ledger).list('education', new Map([[source.eventType, rule]]), { limit: 10 });
    expect([asked, facts.map((fact) => fact.sequence)]).toEqual([[[source.eventType]], ['1']]);
  });
});
