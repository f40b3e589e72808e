/**
 * The words a department officer uses for what the rules reason about, so that every finding's
 * explanation reads in Chinese first, with the English (and the hub's codes) beside it.
 */

const STATUSES: Readonly<Record<string, string>> = {
  dibao: '低保',
  'extreme-poverty': '特困',
  'marginal-low-income': '低保边缘',
  'rigid-expenditure': '刚性支出困难家庭',
  orphan: '孤儿',
  'de-facto-unsupported-child': '事实无人抚养儿童',
  'monitored:poverty-alleviated': '脱贫户',
  'monitored:unstable-alleviated': '脱贫不稳定户',
  'monitored:marginal-vulnerable': '边缘易致贫户',
  'monitored:sudden-hardship': '突发严重困难户',
  disability: '本人持残疾人证',
  'parent-disability': '父母持残疾人证（重度）',
};

const STAGES: Readonly<Record<string, string>> = {
  preschool: '学前教育',
  compulsory: '义务教育',
  'senior-high': '普通高中',
  'secondary-vocational': '中等职业教育',
};

const AID_TYPES: Readonly<Record<string, string>> = {
  'preschool-subsidy': '学前教育资助',
  'compulsory-living-subsidy': '义务教育家庭经济困难学生生活补助',
  'senior-high-grant': '普通高中国家助学金',
  'vocational-grant': '中职国家助学金',
  'tuition-waiver': '免学费',
};

/** The disability subsidies (残疾人两项补贴). */
export const SUBSIDY_WORDS: Readonly<Record<'care' | 'living', string>> = { care: '重度残疾人护理补贴', living: '困难残疾人生活补贴' };

/** A status (a Civil Affairs category, `monitored:<type>`, or a certificate basis) as officers name it. */
export const statusWord = (status: string): string => STATUSES[status] ?? status;

export const stageWord = (stage: string): string => STAGES[stage] ?? stage;

export const aidTypeWord = (aidType: string): string => AID_TYPES[aidType] ?? aidType;

/** `2026-autumn` as 2026年秋季学期. */
export function termWord(term: string): string {
  const [year, half] = term.split('-');
  return `${year}年${half === 'autumn' ? '秋季' : half === 'spring' ? '春季' : half}学期`;
}

/** A stretch of days as 自…起 or …至…. */
export const spanWord = (from: string, to: string | null): string => (to ? `${from}至${to}` : `自${from}起`);

/** An amount in fen as whole 元, with thousands separators (8,900). */
export const yuanWord = (fen: number): string => Math.round(fen / 100).toLocaleString('en-US');

/** A list as officers write it, with 、. */
export const listWord = (items: readonly string[]): string => items.join('、');

/** One explanation in both languages: the Chinese an officer reads first, then the English. */
export const bilingual = (chinese: string, english: string): string => `${chinese} — ${english}`;
