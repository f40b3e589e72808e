/** Recall and precision of the crosscheck's open findings against a generated region's planted ones, overall and per rule family. */
import type pg from 'pg';
import { REAL_FINDING_RATES, type ExpectedFinding, type RegionCounts } from '@hub/demo-region';
import { Pseudonymiser, VersionedKeyRing } from '@hub/privacy';

export interface RegionAccuracy {
  recall: number;
  precision: number;
  /** Planted findings raised. */
  hits: number;
  planted: number;
  /** Findings open at the crosscheck. */
  found: number;
  byRule: ReturnType<typeof countsByRule>;
}

/** Compares the crosscheck's open findings with the planted ones, each keyed `<rule> <subject> <period> [item]`; the planted persons are pseudonymised with the hub's keys. */
export async function regionAccuracy(database: pg.Pool, pseudonymKeys: string, expected: readonly ExpectedFinding[]): Promise<RegionAccuracy> {
  const pseudonymiser = new Pseudonymiser(VersionedKeyRing.parse(pseudonymKeys));
  const key = (rule: string, subject: string, period: string, item?: string | null) => `${rule} ${subject} ${period}${item ? ` ${item}` : ''}`;
  const planted = new Set(expected.map((e) => key(e.rule, pseudonymiser.pseudonymise('person', e.idNumber), e.period, e.item)));
  const found = new Set(
    (
      await database.query<{ rule: string; subject: string; period: string; item: string | null }>(
        `SELECT rule, subject, finding ->> 'period' AS period, finding ->> 'item' AS item FROM crosscheck_finding WHERE state = 'open'`,
      )
    ).rows.map((f) => key(f.rule, f.subject, f.period, f.item)),
  );
  const hits = [...found].filter((f) => planted.has(f)).length;
  return {
    recall: planted.size === 0 ? 1 : hits / planted.size,
    precision: found.size === 0 ? 1 : hits / found.size,
    hits,
    planted: planted.size,
    found: found.size,
    byRule: countsByRule(planted, found),
  };
}

/** Per rule family: findings planted, raised, planted and raised, planted but not raised (missed), raised but not planted (extra). Keys are `<rule> <subject> <period>`. */
function countsByRule(planted: ReadonlySet<string>, found: ReadonlySet<string>): Record<string, { planted: number; raised: number; hits: number; missed: number; extra: number }> {
  const rows: Record<string, { planted: number; raised: number; hits: number; missed: number; extra: number }> = {};
  const row = (key: string) => (rows[key.split(' ')[0]] ??= { planted: 0, raised: 0, hits: 0, missed: 0, extra: 0 });
  for (const key of planted) {
    const counts = row(key);
    counts.planted++;
    if (found.has(key)) counts.hits++;
    else counts.missed++;
  }
  for (const key of found) {
    const counts = row(key);
    counts.raised++;
    if (!planted.has(key)) counts.extra++;
  }
  return Object.fromEntries(Object.entries(rows).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each rule's row with its planted findings per 10,000 residents, beside the real rate the review gives. */
export function withRates(byRule: ReturnType<typeof countsByRule>, counts: RegionCounts): Record<string, Record<string, number | string>> {
  return Object.fromEntries(
    Object.entries(byRule).map(([rule, row]) => [
      rule,
      { ...row, 'per 10,000': Number(((10_000 * row.planted) / counts.persons).toFixed(1)), 'in reality': REAL_FINDING_RATES[rule] ?? 'no figure found' },
    ]),
  );
}
