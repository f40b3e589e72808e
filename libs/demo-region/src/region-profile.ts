/** The groups of residents the region counts (the review compares each with reality). */
const GROUPS = [
  'persons',
  'children',
  'dibao',
  'extremePoverty',
  'marginalLowIncome',
  'povertyAlleviated',
  'monitoredForRisk',
  'certificateHolders',
  'careScope',
  'livingSubsidy',
  'insured',
  'preschool',
  'compulsory',
  'seniorSecondary',
] as const;

/** How many of a region's persons are in each group the review compares with reality (issue 22). */
export type RegionCounts = Record<(typeof GROUPS)[number], number>;

export const emptyCounts = (): RegionCounts => Object.fromEntries(GROUPS.map((group) => [group, 0])) as RegionCounts;

/** Adds one household's counts to a running total (the region streams; only the totals are kept). */
export function addCounts(total: RegionCounts, more: RegionCounts): RegionCounts {
  for (const group of GROUPS) total[group] += more[group];
  return total;
}

/**
 * The share of residents each group should have, as a range in per cent, with its source
 * (../../../shared/policy-review.md §4; figures marked there as unverified stay ranges).
 */
export const REGION_TARGETS: readonly { group: keyof RegionCounts; name: string; low: number; high: number; source: string }[] = [
  { group: 'children', name: '0-17 岁 children', low: 24, high: 25.5, source: '2020 census: 0-14 = 20.38 %' },
  { group: 'dibao', name: '低保', low: 2.8, high: 8.4, source: 'national 2023 2.8 %; Ningxia 2016 8.4 %' },
  { group: 'extremePoverty', name: '特困', low: 0.18, high: 0.33, source: 'Ningxia 2016 0.18 %; national 2023 0.33 %' },
  { group: 'marginalLowIncome', name: '低保边缘', low: 0.43, high: 1.5, source: 'national 2023 0.43 %; Ningxia higher (unverified)' },
  { group: 'povertyAlleviated', name: '脱贫人口', low: 11, high: 13.5, source: '93.7万 lifted 2012-2019 (宁夏日报 2020-03-06)' },
  { group: 'monitoredForRisk', name: '防返贫监测对象', low: 0.2, high: 1.5, source: 'national 2023 0.2 %; Ningxia higher (unverified)' },
  { group: 'certificateHolders', name: '持证残疾人', low: 2.5, high: 3.4, source: 'Ningxia 24.33 万 ≈ 3.4 %' },
  { group: 'careScope', name: '护理补贴 scope', low: 1.2, high: 1.8, source: 'Ningxia 2016 10.1 万 ≈ 1.5 %' },
  { group: 'livingSubsidy', name: '生活补贴 (低保 × 持证)', low: 1.0, high: 1.8, source: 'Ningxia 2016 9.3 万 ≈ 1.4 %' },
  { group: 'insured', name: '基本医保参保', low: 94, high: 97, source: '参保率 95 % (seed); 2016 594 万 of 675 万' },
  { group: 'preschool', name: '在园幼儿', low: 2.7, high: 3.5, source: 'Ningxia 2015 2.7 %; national 2022 3.3 %' },
  { group: 'compulsory', name: '义务教育在校生', low: 11.3, high: 13.5, source: 'Ningxia 2015 13.0 %; national 2022 11.3 %' },
  { group: 'seniorSecondary', name: '高中阶段在校生', low: 2.4, high: 3.0, source: 'Ningxia 2015 2.4 %; national 2022 2.85 %' },
];

/** Each group's share as produced beside its target, for a table. */
export function prevalenceRows(counts: RegionCounts): { group: string; produced: string; target: string; within: boolean; source: string }[] {
  return REGION_TARGETS.map((target) => {
    const share = counts.persons === 0 ? 0 : (100 * counts[target.group]) / counts.persons;
    return { group: target.name, produced: `${share.toFixed(2)} %`, target: `${target.low}-${target.high} %`, within: share >= target.low && share <= target.high, source: target.source };
  });
}

/**
 * What the review says of each rule's real rate, where it gives one, to print beside the findings
 * the region produces per 10,000 residents (../../../shared/policy-review.md §4-§5).
 */
export const REAL_FINDING_RATES: Readonly<Record<string, string>> = {
  'insurance-gap': 'at most 1 % of the assisted and 脱贫 (≥ 99 % insured)',
  'missed-student-aid': '1-3 % of eligible students per item (13 categories already matched nationally)',
  'disability-care-subsidy-gap': 'about 5 % of the entitled',
  'disability-living-subsidy-gap': 'about 5 % of the entitled',
  'aid-without-eligibility': 'far more in reality, mostly legitimate need (review §1.2)',
};
