import type { PersonView } from './person-view.js';

/** The school entry year the gateway derived for the person from their identity number, from any record that names them with one. */
export function schoolEntryYearOf(view: PersonView): number | undefined {
  for (const f of view.facts) if ((f.kind === 'certificate' || f.kind === 'enrolment') && f.schoolEntryYear !== undefined) return f.schoolEntryYear;
  for (const f of view.householdFacts) for (const m of f.members) if (m.person === view.person && m.schoolEntryYear !== undefined) return m.schoolEntryYear;
  return undefined;
}

/** The year of schooling (义务教育 grade 1 = 1) a pupil is in during a term by their school entry year: an autumn term's year starts a school year, a spring term ends one. */
export const schoolYearOf = (term: string, entryYear: number) => Number(term.slice(0, 4)) - (term.endsWith('-spring') ? 1 : 0) - entryYear + 1;
