import { overlapDays, type DateInterval, type IsoDate } from '../calendar/date-interval.js';
import type { Evidence } from '../facts/evidence.js';
import type { CertificateFact, HouseholdFact, HouseholdMember } from '../facts/fact.js';
import { foldSpells, type Spell, type StatusChange } from './spells.js';
import type { PersonView } from './person-view.js';

/** Why a person counts as eligible over some days: the status, whose, and the events that say so. */
export interface EligibilityBasis {
  /** e.g. `dibao`, `monitored:unstable-alleviated`, `disability`, `parent-disability`. */
  basis: string;
  interval: DateInterval;
  /** 城乡 of the status, when its record says (household contract version 2): what 农村低保 and 农村特困 turn on. */
  area?: 'rural' | 'urban';
  evidence: Evidence[];
}

/** Whether a status as spells name it (a category, or `monitored:<type>`) is one of the listed categories or monitoring types. */
export const isListedStatus = (status: string, kinds: { categories: readonly string[]; monitoringTypes: readonly string[] }): boolean =>
  status.startsWith('monitored:') ? kinds.monitoringTypes.includes(status.slice('monitored:'.length)) : kinds.categories.includes(status);

const PARENT_RELATIONS: Record<string, string[]> = { child: ['head', 'spouse'], grandchild: ['child'] };

/** Where a member's own status is folded: apart from the household's, and from each other member's. */
const personalKey = (household: string, person: string) => `${household}\u0000${person}`;
const householdOfKey = (key: string) => key.split('\u0000')[0];

const byEffectiveOrder = (a: HouseholdFact, b: HouseholdFact) => a.from.localeCompare(b.from) || a.evidence.knownAt.localeCompare(b.evidence.knownAt);

/**
 * The status changes of each household, and of each member's own status (孤儿, 事实无人抚养) apart:
 * a member's own status holds as long as the household's records list it, so a record that opens
 * the status without it (a renewal after the child was adopted) ends it, as does one that ends the
 * household's status.
 */
function householdChanges(facts: readonly HouseholdFact[]): Map<string, StatusChange[]> {
  const byHousehold = new Map<string, StatusChange[]>();
  const push = (key: string, change: StatusChange) => {
    const changes = byHousehold.get(key);
    if (changes) changes.push(change);
    else byHousehold.set(key, [change]);
  };
  const personalNow = new Map<string, Map<string, HouseholdMember>>();
  for (const fact of [...facts].sort(byEffectiveOrder)) {
    const value = fact.kind === 'household-status' ? fact.category : `monitored:${fact.monitoringType}`;
    const opens = fact.kind === 'household-status' ? fact.change !== 'revoked' && fact.change !== 'suspended' : fact.change === 'monitoring-started';
    const area = fact.kind === 'household-status' ? fact.area : undefined;
    push(fact.household, { value, opens, from: fact.from, to: fact.to, members: fact.members, ...(area ? { area } : {}), evidence: fact.evidence });
    if (fact.kind !== 'household-status') continue;
    const listed = new Map(fact.members.filter((m) => m.personalStatus).map((m) => [m.person, m]));
    const before = personalNow.get(fact.household) ?? new Map<string, HouseholdMember>();
    for (const [person, member] of before) {
      if (!opens || listed.get(person)?.personalStatus !== member.personalStatus)
        push(personalKey(fact.household, person), { value: member.personalStatus!, opens: false, from: fact.from, to: null, members: [member], evidence: fact.evidence });
    }
    if (opens)
      for (const [person, member] of listed)
        push(personalKey(fact.household, person), { value: member.personalStatus!, opens, from: fact.from, to: fact.to, members: [member], evidence: fact.evidence });
    personalNow.set(fact.household, opens ? listed : new Map<string, HouseholdMember>());
  }
  return byHousehold;
}

/** A spell of a household that lists the person, with their relation, and whether the status covers them (not a 共同生活成员 beside a 单人保). */
export type HouseholdSpell = Spell & { household: string; relation: string; covered: boolean };

// Every rule family asks for a view's household spells, and a view is judged by all of them in turn
// without changing, so the last view's are kept. (A WeakMap of every view judged slowed a full
// region's replay down as it went: its dead entries pile up between full collections.)
let lastView: PersonView | undefined;
let lastSpells: readonly HouseholdSpell[] = [];

/** Spells in one order whatever order the facts were stored in: by start, household, then status. */
const bySpellStart = (a: HouseholdSpell, b: HouseholdSpell) => a.interval.from.localeCompare(b.interval.from) || a.household.localeCompare(b.household) || a.value.localeCompare(b.value);

/**
 * The spells of every household that lists the person, with the person's relation in each
 * (shared: not to be changed), in one order, so explanations and evidence do not depend on the
 * order a store hands the facts over in.
 */
export function householdSpellsOf(view: PersonView): readonly HouseholdSpell[] {
  if (view !== lastView) {
    lastSpells = [...householdChanges(view.householdFacts)]
      .flatMap(([key, changes]) =>
        foldSpells(changes).flatMap((spell) => {
          const member = spell.members.find((m) => m.person === view.person);
          return member ? [{ ...spell, household: householdOfKey(key), relation: member.relation, covered: member.covered !== false }] : [];
        }),
      )
      .sort(bySpellStart);
    lastView = view;
  }
  return lastSpells;
}

/** The statuses the person holds: the spells of households that list them, except those that do not cover them. */
export const heldSpellsOf = (view: PersonView): readonly HouseholdSpell[] => householdSpellsOf(view).filter((spell) => spell.covered);

/**
 * The spells over which a person holds a disability certificate (issued or changed, until revoked);
 * with `entitled`, only while the certificate as last issued or changed meets it: a change out of it
 * (a downgrade from grade 2 to 3) ends the spell, a change back opens another.
 */
export function certificateSpells(certificates: readonly CertificateFact[], entitled?: (certificate: CertificateFact) => boolean): Spell[] {
  return foldSpells(certificates.map((c) => ({ value: 'certificate', opens: c.change !== 'revoked' && (entitled?.(c) ?? true), from: c.effectiveDate, to: null, members: [], evidence: c.evidence })));
}

/**
 * The bases on which a person counts as eligible during a period: a household status or
 * monitoring of the listed kinds, the person's own certificate and, per policy, a parent's, each
 * holding on at least `minDays` of the period (open ends count up to `until`).
 */
export function eligibilityDuring(
  view: PersonView,
  period: DateInterval,
  kinds: { categories: readonly string[]; monitoringTypes: readonly string[]; ownDisability: boolean; parentDisability: boolean; parentCertificate?: (certificate: CertificateFact) => boolean },
  minDays: number,
  until: IsoDate,
): EligibilityBasis[] {
  const bases: EligibilityBasis[] = [];
  const counts = (interval: DateInterval) => overlapDays(interval, period, until) >= minDays;
  const householdSpells = householdSpellsOf(view);
  for (const spell of householdSpells.filter((s) => s.covered)) {
    const listed = isListedStatus(spell.value, kinds);
    if (listed && counts(spell.interval)) bases.push({ basis: spell.value, interval: spell.interval, ...(spell.area ? { area: spell.area } : {}), evidence: spell.evidence });
  }
  if (kinds.ownDisability) {
    const own = view.facts.filter((f): f is CertificateFact => f.kind === 'certificate');
    for (const spell of certificateSpells(own)) if (counts(spell.interval)) bases.push({ basis: 'disability', interval: spell.interval, evidence: spell.evidence });
  }
  if (kinds.parentDisability) {
    for (const spell of householdSpells) {
      const parents = spell.members.filter((m) => (PARENT_RELATIONS[spell.relation] ?? []).includes(m.relation)).map((m) => m.person);
      const certificates = view.relativeFacts.filter((f): f is CertificateFact => f.kind === 'certificate' && parents.includes(f.person));
      for (const parent of parents) {
        for (const certificate of certificateSpells(
          certificates.filter((c) => c.person === parent),
          kinds.parentCertificate,
        )) {
          if (counts(certificate.interval)) bases.push({ basis: 'parent-disability', interval: certificate.interval, evidence: certificate.evidence });
        }
      }
    }
  }
  return bases;
}
