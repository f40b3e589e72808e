import { addDays, type DateInterval, type IsoDate } from '../calendar/date-interval.js';
import type { Evidence } from '../facts/evidence.js';
import type { HouseholdMember } from '../facts/fact.js';

/** One change to a status: it holds over an interval (granted, renewed, started, issued) or ends from a date on (revoked, ended). */
export interface StatusChange {
  /** What holds, e.g. the category `dibao`; spells of different values are folded apart. */
  value: string;
  opens: boolean;
  from: IsoDate;
  to: IsoDate | null;
  members: HouseholdMember[];
  /** 城乡 of the status, when the record says (household contract version 2). */
  area?: 'rural' | 'urban';
  evidence: Evidence;
}

/** An unbroken stretch over which a status held, and the events that say so. */
export interface Spell {
  value: string;
  interval: DateInterval;
  /** The members as the latest opening event lists them. */
  members: HouseholdMember[];
  /** 城乡 as the latest opening event says, when one does. */
  area?: 'rural' | 'urban';
  evidence: Evidence[];
}

const byEffectiveDate = (a: StatusChange, b: StatusChange) => (a.from === b.from ? a.evidence.knownAt.localeCompare(b.evidence.knownAt) : a.from.localeCompare(b.from));

/**
 * Folds status changes into spells, in effective-date order whatever order they arrived in, so a
 * late or retroactive change (a revocation back-dated before a term) gives the same answer as if it
 * had come in time. Overlapping or adjacent grants merge; an ending cuts every spell at its date,
 * and a spell that began after that date is gone.
 */
export function foldSpells(changes: readonly StatusChange[]): Spell[] {
  const spells: Spell[] = [];
  for (const change of [...changes].sort(byEffectiveDate)) {
    if (change.opens) {
      const last = [...spells].reverse().find((spell) => spell.value === change.value);
      const joins = last && (last.interval.to === null || addDays(last.interval.to, 1) >= change.from);
      if (last && joins) {
        last.interval.to = last.interval.to === null || change.to === null ? null : last.interval.to > change.to ? last.interval.to : change.to;
        last.members = change.members.length > 0 ? change.members : last.members;
        if (change.area) last.area = change.area;
        last.evidence.push(change.evidence);
      } else {
        spells.push({ value: change.value, interval: { from: change.from, to: change.to }, members: change.members, ...(change.area ? { area: change.area } : {}), evidence: [change.evidence] });
      }
      continue;
    }
    for (let i = spells.length - 1; i >= 0; i--) {
      const spell = spells[i];
      if (spell.value !== change.value) continue;
      if (spell.interval.from >= change.from) spells.splice(i, 1);
      else if (spell.interval.to === null || spell.interval.to >= change.from) {
        spell.interval.to = addDays(change.from, -1);
        spell.evidence.push(change.evidence);
      }
    }
  }
  return spells;
}
