import type { Fact } from '../facts/fact.js';
import type { PersonView } from './person-view.js';

const latestRegion = (facts: readonly Fact[]): string | undefined =>
  facts
    .filter((fact): fact is Fact & { regionCode: string } => 'regionCode' in fact && typeof fact.regionCode === 'string')
    .sort((a, b) => a.evidence.knownAt.localeCompare(b.evidence.knownAt))
    .at(-1)?.regionCode;

/**
 * The county-level division (GB/T 2260) a person's findings are counted under: where the latest
 * household record listing them puts the household (民政, 乡村振兴), else where their latest
 * certificate was issued, else the county of their latest school. Undefined where no record says.
 */
export function countyOf(view: PersonView): string | undefined {
  return latestRegion(view.householdFacts) ?? latestRegion(view.facts.filter((fact) => fact.kind === 'certificate')) ?? latestRegion(view.facts.filter((fact) => fact.kind === 'enrolment'));
}
