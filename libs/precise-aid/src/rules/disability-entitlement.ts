import { intersection } from '../calendar/date-interval.js';
import { monthsOf } from '../calendar/months.js';
import type { Evidence } from '../facts/evidence.js';
import { spanWord, statusWord } from '../findings/officer-words.js';
import type { CertificateFact } from '../facts/fact.js';
import type { Policy } from '../policy/policy.js';
import { certificateSpells, heldSpellsOf } from '../state/eligibility.js';
import type { PersonView } from '../state/person-view.js';

/** A stretch over which a subsidy is due, and why. */
export interface DueStretch {
  /** The months due, from the first (before any grace months) up to the last month asked for. */
  months: string[];
  evidence: Evidence[];
  why: string;
  /** The same, as officers say it. */
  whyZh: string;
}

/** The months a person is due each disability subsidy, up to `lastMonth`, and the months an excluding status holds. */
export interface DisabilityEntitlement {
  care: DueStretch[];
  living: DueStretch[];
  /** Months in which a status of the policy's exclusions holds (特困供养): neither subsidy is due. */
  excluded: ReadonlyMap<string, { status: string; evidence: Evidence[] }>;
}

/** Whether a certificate as issued or changed calls for the care subsidy (Ningxia: grades 1-2 of every category, 智力 and 精神 of every grade). */
export const callsForCare = (policy: Policy['disabilitySubsidy']) => (certificate: CertificateFact) =>
  policy.careGrades.includes(certificate.grade) || (certificate.category !== undefined && policy.careCategoriesOfEveryGrade.includes(certificate.category));

/** What the policy makes a person due, month by month: the care subsidy, the living subsidy, and the months excluded from both. */
export function disabilityEntitlement(view: PersonView, policy: Policy['disabilitySubsidy'], lastMonth: string): DisabilityEntitlement {
  const certificates = view.facts.filter((f): f is CertificateFact => f.kind === 'certificate');
  const care = certificateSpells(certificates, callsForCare(policy)).map((spell) => ({
    months: monthsOf(spell.interval, lastMonth),
    evidence: spell.evidence,
    why: `a certificate calling for the care subsidy holds from ${spell.interval.from}${spell.interval.to ? ` to ${spell.interval.to}` : ''}`,
    whyZh: `持有应享受护理补贴的残疾人证（${spanWord(spell.interval.from, spell.interval.to)}）`,
  }));
  const statuses = heldSpellsOf(view);
  const living = certificateSpells(certificates).flatMap((certificate) =>
    statuses
      .filter((status) => policy.livingCategories.includes(status.value))
      .flatMap((status) => {
        const both = intersection(certificate.interval, status.interval);
        return both
          ? [
              {
                months: monthsOf(both, lastMonth),
                evidence: [...certificate.evidence, ...status.evidence],
                why: `a certificate holder in a ${status.value} household from ${both.from}`,
                whyZh: `${statusWord(status.value)}家庭中的持证残疾人（自${both.from}起）`,
              },
            ]
          : [];
      }),
  );
  const excluded = new Map<string, { status: string; evidence: Evidence[] }>();
  for (const status of statuses.filter((s) => policy.excludedCategories.includes(s.value))) {
    for (const month of monthsOf(status.interval, lastMonth)) excluded.set(month, { status: status.value, evidence: status.evidence });
  }
  return { care, living, excluded };
}
