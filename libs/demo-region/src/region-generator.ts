import { schoolEntryYear, type EventType } from '@hub/contracts';
import { COUNTIES, GIVEN_NAMES, SURNAMES } from './ningxia.js';
import { emptyCounts, type RegionCounts } from './region-profile.js';
import { ResidentNumbers } from './resident-numbers.js';
import { SeededRandom } from './seeded-random.js';

/** A record as a department would publish it: its own data, identity numbers in the clear. */
export interface DepartmentRecord {
  department: string;
  record: { id: string; type: string; time: string; data: Record<string, unknown> };
}

/** A finding the hub must raise about the region, planted on purpose (by identity number, before pseudonymisation). */
export interface ExpectedFinding {
  rule: string;
  idNumber: string;
  period: string;
  /** The aid item of a student-aid finding. */
  item?: string;
  routedTo: string;
}

export interface GeneratedHousehold {
  persons: number;
  records: DepartmentRecord[];
  expected: ExpectedFinding[];
  /** How many of its persons are in each group the review compares with reality. */
  counts: RegionCounts;
}

export interface RegionOptions {
  persons: number;
  seed: number;
}

interface Person {
  idNumber: string;
  name: string;
  age: number;
  relation: string;
  certificate?: { number: string; grade: number; issuedOn: string };
  /** A child's own status (孤儿, 事实无人抚养儿童), published on household contract version 2. */
  personalStatus?: 'orphan' | 'de-facto-unsupported-child';
}

/** The day the region is generated for (findings are judged as of it): the autumn term and ten months of 2026 have passed. */
export const REGION_DAY = '2026-11-30';
/**
 * The terms every pupil is enrolled for: spring 2026, judged (its payment deadline, 06-30, has
 * passed by the region's day), and autumn 2026, whose deadline (12-31) has not: its misses are not
 * findings yet, and the crosscheck's daily review raises them on 2027-01-01.
 */
const TERMS = [
  { term: '2026-spring', startsOn: '2026-02-15', paidIn: [3, 6], judged: true },
  { term: '2026-autumn', startsOn: '2026-09-01', paidIn: [9, 11], judged: false },
];
/** The aid items of each stage that are need-tested or a closed list (policy 1.2.0), and those every pupil gets. */
const ITEMS_BY_STAGE: Record<string, string[]> = {
  preschool: ['preschool-subsidy'],
  compulsory: ['compulsory-living-subsidy'],
  'senior-high': ['senior-high-grant', 'senior-high-fee-waiver'],
  'secondary-vocational': ['vocational-grant'],
};
const CLOSED_LIST_ITEMS = ['senior-high-fee-waiver'];
/** 幼儿园办别: 公办, 普惠性民办 (both approved for 学前 aid), other private. */
const KINDERGARTEN_TYPES = [
  { value: 'public', weight: 0.55 },
  { value: 'inclusive-private', weight: 0.3 },
  { value: 'private', weight: 0.15 },
];
const UNIVERSAL_ITEMS: Record<string, string[]> = { compulsory: ['compulsory-nutrition'], 'secondary-vocational': ['vocational-tuition-waiver'] };
/** The 六盘山区 counties, whose 农村 中职 students all get the 国家助学金. */
const LIUPANSHAN = ['640402', '640422', '640423', '640424', '640425', '640522', '640324'];
/** The 学校标识码's school type by stage (and grade, in compulsory education): 11 幼儿园, 21 小学, 31 初中, 34 普通高中, 36 中职. */
const SCHOOL_TYPES: Record<string, (grade: number) => string> = {
  preschool: () => '11',
  compulsory: (grade) => (grade <= 6 ? '21' : '31'),
  'senior-high': () => '34',
  'secondary-vocational': () => '36',
};

/**
 * The aid items a pupil of a stage is entitled to, as the 2026 policy says: the need-tested items
 * for every counted group; 义务教育 生活补助 for boarders, and for non-boarders only in the four
 * groups (脱贫, a disabled pupil, 农村 低保 or 特困); 普高 免学杂费 for the four groups; 中职 国家助学金
 * also for every 农村 pupil in the 六盘山区; 学前教育资助 only in 公办 and 普惠性民办 kindergartens.
 */
function itemsDue(stage: string, pupil: { counted: boolean; fourGroups: boolean; boarding: boolean; liupanshanRural: boolean; approvedKindergarten: boolean }): Set<string> {
  const due = new Set<string>();
  if (stage === 'preschool' && pupil.counted && pupil.approvedKindergarten) due.add('preschool-subsidy');
  if (stage === 'compulsory' && ((pupil.boarding && pupil.counted) || pupil.fourGroups)) due.add('compulsory-living-subsidy');
  if (stage === 'senior-high' && pupil.counted) due.add('senior-high-grant');
  if (stage === 'senior-high' && pupil.fourGroups) due.add('senior-high-fee-waiver');
  if (stage === 'secondary-vocational' && (pupil.counted || pupil.liupanshanRural)) due.add('vocational-grant');
  return due;
}
/** When the statuses of kinship-care households begin (the others are years old, see `dayIn`). */
const STATUS_FROM = '2026-03-01';
/**
 * A day in one of the years, as a status granted long before the hub went live (its departments
 * publish their statuses as they stand, effective from when they were granted).
 */
const dayIn = (random: SeededRandom, fromYear: number, toYear: number) => `${random.int(fromYear, toYear)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
/** A certificate's day of issue: most are years old (2008-2025), a fifth new in 2026 (by May, so they hold 30 days of the spring term). */
const issueDay = (random: SeededRandom) => (random.chance(0.8) ? dayIn(random, 2008, 2025) : `2026-0${random.int(1, 5)}-${String(random.int(1, 28)).padStart(2, '0')}`);
/** When a member registered in a second Civil Affairs household too begins to be listed there. */
const SECOND_LISTING_FROM = '2026-05-01';
/** The last month a subsidy is due by the region's day (judged up to the month before it). */
const LAST_DUE_MONTH = '2026-10';
/**
 * The months of 2026 (the first judged year) for which a subsidy is due by the region's day, for an
 * entitlement that began on `start`: from two grace months after it, up to October.
 */
function dueMonths(start: string): string[] {
  const [year, month] = start.split('-').map(Number) as [number, number];
  const first = Math.max(year * 12 + month + 1, 2026 * 12);
  const months: string[] = [];
  for (let m = first; ; m++) {
    const label = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    if (label > LAST_DUE_MONTH) return months;
    months.push(label);
  }
}
/** When a planted 复评 moves a grade 2 certificate to grade 3, ending the care subsidy (for categories other than 智力 and 精神). */
const DOWNGRADE_FROM = '2026-07-01';
/** 2026 amounts, in fen a month: Ningxia's 护理补贴 120 元 and 生活补贴 110 元 (from 2021). */
const SUBSIDY_FEN = { care: 12_000, living: 11_000 };
/**
 * About what each aid item pays a term in 2026, in fen: 学前 一免一补 (1,500 + 900 元 a year), 小学 and
 * 初中 boarders' 生活补助 (500 and 625 元), 营养膳食补助 (5 元 a school day), 普高 and 中职 国家助学金 (about
 * 1,150 元 from 2025), the fee waivers. Not checked by any rule; for a realistic log.
 */
function aidAmountFen(item: string, grade: number): number {
  const amounts: Record<string, number> = {
    'preschool-subsidy': 45_000,
    'preschool-final-year-free': 75_000,
    'compulsory-living-subsidy': grade <= 6 ? 50_000 : 62_500,
    'compulsory-nutrition': 50_000,
    'senior-high-grant': 115_000,
    'senior-high-fee-waiver': 60_000,
    'vocational-grant': 115_000,
    'vocational-tuition-waiver': 100_000,
  };
  return amounts[item] ?? 62_500;
}
const CERTIFICATE_CATEGORIES = ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'];
/** Ningxia's care subsidy (护理补贴): 智力 and 精神 of every grade, grades 1-2 of the others. */
const CARE_OF_EVERY_GRADE = ['intellectual', 'mental'];
/**
 * The 2026 premium subsidy (参保资助) by household status (a Civil Affairs category or a monitoring
 * type), most generous first, in fen: 全额 for 特困, 孤儿 and 事实无人抚养, 定额 for 低保, 低保边缘
 * and the monitored; 脱贫户 alone get none. Amounts illustrative.
 */
export const PREMIUM_SUBSIDY: Readonly<Record<string, { basis: string; amountFen: number }>> = {
  'extreme-poverty': { basis: 'extreme-poverty', amountFen: 40000 },
  orphan: { basis: 'other', amountFen: 40000 },
  'de-facto-unsupported-child': { basis: 'other', amountFen: 40000 },
  dibao: { basis: 'dibao', amountFen: 15000 },
  'marginal-low-income': { basis: 'marginal-low-income', amountFen: 15000 },
  'unstable-alleviated': { basis: 'monitored', amountFen: 15000 },
  'marginal-vulnerable': { basis: 'monitored', amountFen: 15000 },
  'sudden-hardship': { basis: 'monitored', amountFen: 15000 },
};
/** The county whose Civil Affairs system still publishes household contract version 1 (no 城乡, coverage, own statuses, 刚性支出 or 暂停): the hub reads both. */
const HOUSEHOLD_V1_COUNTY = '640181';
/** A 低保 suspended (暂停, e.g. pending a 复核) for most of the spring term, and resumed for the autumn one. */
const SUSPENDED_FROM = '2026-02-01';
/** A 低保 ended back-dated to before the spring term, and the day the late correction was published. */
const BACKDATED_END = '2026-02-01';
const BACKDATED_END_RECORDED_ON = '2026-10-12';
const RESUMED_FROM = '2026-09-01';
/** The 年度复核 that renews a status granted in 2026 (one granted earlier is renewed on its anniversary). */
const RENEWED_FROM = '2026-09-01';
/** When a person alone in 低保 becomes 特困 (转特困), 低保 ending the day before, or, now and then, not (a data-quality finding). */
const EXTREME_FROM = '2026-07-01';
/** 控辍保学: a pupil who drops out during the autumn term, early enough to be a finding by the region's day (30 grace days), or too late for it. */
const DROPPED_OUT_ON = '2026-10-15';
const DROPPED_OUT_LATE_ON = '2026-11-10';
const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5, 6].map((value, i) => ({ value, weight: [0.22, 0.33, 0.2, 0.14, 0.08, 0.03][i] }));
/**
 * The nine 中南部 counties (红寺堡, 盐池, 同心, 原州, 西吉, 隆德, 泾源, 彭阳, 海原), where 脱贫人口, 监测对象
 * and 低保 concentrate (宁夏调查年鉴; ../../../shared/policy-review.md §4).
 */
export const SOUTHERN_COUNTIES = ['640303', '640323', '640324', '640402', '640422', '640423', '640424', '640425', '640522'];
/**
 * The rates the region is drawn with, per household (south and north), chosen so that the persons
 * come out near the targets of `REGION_TARGETS`: 脱贫户 about 12 % of residents, most in the south;
 * a quarter of them also in 低保 (兜底); 特困 for persons alone, mostly elderly or severely disabled.
 */
const RATES = {
  povertyAlleviated: { south: 0.3, north: 0.04 },
  monitoredForRisk: { south: 0.02, north: 0.006 },
  dibao: { south: 0.04, north: 0.02 },
  dibaoOfAlleviated: 0.25,
  marginalLowIncome: 0.008,
  rigidExpenditure: 0.005,
  /** A 低保 granted from 2027: not held by the region's day (a decoy for every rule). */
  futureDibao: 0.005,
  /** 特困 of a person alone: elderly (60 and over), or severely disabled. */
  extremePovertyOfElderlyAlone: 0.05,
  extremePovertyOfDisabledAlone: 0.15,
  /** 户口性质: 农村. */
  rural: { south: 0.6, north: 0.25 },
  /** A certificate (残疾人证): far more common in 低保 households (分类施保). */
  certificate: 0.02,
  certificateInDibao: 0.22,
  /** Insured for the year: almost everyone (基本医保参保率 95 %), and 99 % of those who must be (the ≥ 99 % target). */
  insured: 0.95,
  insuredWhenDue: 0.99,
  /** Planted gaps: an entitled aid item not paid, a subsidy month not paid, a premium subsidy not applied. */
  studentAidMissed: 0.03,
  subsidyMonthMissed: 0.05,
  premiumSubsidyMissed: 0.02,
};
/** 2006 national disability survey: 视力 15 %, 听力 24 %, 言语 1.5 %, 肢体 29 %, 智力 6.7 %, 精神 7.4 %, 多重 16 % (the certificate's category digit 1-7). */
const CERTIFICATE_MIX = [15, 24, 1.5, 29, 6.7, 7.4, 16].map((weight, i) => ({ value: i + 1, weight }));
/** Certificate grades 1-4: a little fewer of the most severe (about 45 % grades 1-2; 银川 2015: 34 % of holders on the severe subsidy). */
const GRADE_MIX = [20, 25, 27, 28].map((weight, i) => ({ value: i + 1, weight }));
/** A child's age: fewer young children (births fell from 9.12 万 in 2017 to 7.3 万 in 2023). */
const CHILD_AGES = Array.from({ length: 18 }, (_, age) => ({ value: age, weight: age <= 5 ? 0.7 : 0.85 }));
/** Who of an age is in school: 在园 90 % of 3-5, 义务教育 99 %, 高中阶段 65 % of 15-17 (the rest in grade 9, or out). */
const ENROLMENT_RATE: Record<string, number> = { preschool: 0.9, compulsory: 0.99, 'senior-high': 0.65, 'secondary-vocational': 0.65 };

type CivilCategory = 'dibao' | 'extreme-poverty' | 'marginal-low-income' | 'rigid-expenditure';
type MonitoringType = 'poverty-alleviated' | 'unstable-alleviated' | 'marginal-vulnerable' | 'sudden-hardship';

/** Whether a certificate is in the care subsidy's scope: grades 1-2, or 智力 and 精神 of every grade. */
const severe = (certificate: { number: string; grade: number }) => certificate.grade <= 2 || CARE_OF_EVERY_GRADE.includes(CERTIFICATE_CATEGORIES[Number(certificate.number.slice(-2, -1)) - 1]);

/** A child's stage and grade in autumn 2026, by the school entry year their identity number gives (as the gateway derives it). */
function stageInAutumn(entryYear: number, random: SeededRandom): { stage: string; grade: number } | undefined {
  const grade = 2026 - entryYear + 1;
  if (grade >= -2 && grade <= 0) return { stage: 'preschool', grade: grade + 3 };
  if (grade >= 1 && grade <= 9) return { stage: 'compulsory', grade };
  if (grade >= 10 && grade <= 12) return { stage: random.chance(0.3) ? 'secondary-vocational' : 'senior-high', grade: grade - 9 };
  return undefined;
}

/** The aid each school stage gets (the student-aid contract's aidType). */
export const AID_TYPES: Record<string, string> = {
  preschool: 'preschool-subsidy',
  compulsory: 'compulsory-living-subsidy',
  'senior-high': 'senior-high-grant',
  'secondary-vocational': 'vocational-grant',
};

/**
 * A synthetic Ningxia, one household at a time (so it scales to the full region without holding it
 * in memory), deterministic for a seed. Statuses, enrolments, aid, certificates, subsidies and
 * insurance follow the 2026 policy; gaps of every rule family are planted on purpose and returned
 * as the expected findings, beside decoys that look like gaps but are not (a 低保 that starts after
 * the term, a parent's mild certificate, a second household registration that ended before the
 * first began, a 特困 member's severe certificate without subsidies (特困供养 excludes them), a
 * grade 2 certificate downgraded to 3 whose care subsidy stopped, 脱贫户 insured with no premium
 * subsidy, a 城市低保 non-boarder with 农村 户口, the members a 单人保 does not cover, a 低保
 * suspended over the spring term, a 转特困 that ended the 低保, pupils 控辍保学 does not follow or who
 * finished grade 9, a 辍学 too recent to count, costly settlements of the assisted or monitored).
 * The rates and their targets are `RATES` and `REGION_TARGETS`; each household reports its counts.
 */
export function* generateRegion(options: RegionOptions): Generator<GeneratedHousehold> {
  const random = new SeededRandom(options.seed);
  const numbers = new ResidentNumbers();
  let persons = 0;
  let sequence = 0;
  for (let index = 0; persons < options.persons; index++) {
    const region = random.weighted(COUNTIES);
    const side = SOUTHERN_COUNTIES.includes(region) ? 'south' : 'north';
    const householdV2 = region !== HOUSEHOLD_V1_COUNTY;
    const surname = random.pick(SURNAMES);
    /** 户口性质: most of the south is rural, a quarter of the north. */
    const rural = random.chance(RATES.rural[side]);
    // Rural Revitalisation: a 脱贫户, or a household monitored for a risk (防止返贫监测对象).
    const m = random.next();
    const monitoring: MonitoringType | undefined =
      m < RATES.povertyAlleviated[side]
        ? 'poverty-alleviated'
        : m < RATES.povertyAlleviated[side] + RATES.monitoredForRisk[side]
          ? random.pick(['unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'] as const)
          : undefined;
    const size = random.weighted(HOUSEHOLD_SIZES);
    // 隔代抚养: grandparents raising grandchildren who are 孤儿 or 事实无人抚养, each a status of the child.
    const kinshipCare = householdV2 && size >= 2 && random.chance(0.012);
    // Civil Affairs: 低保 (a quarter of 脱贫户 too: 兜底), 低保边缘, 刚性支出, or a 低保 that starts after the region's day.
    const c = random.next();
    const dibaoRate = monitoring === 'poverty-alleviated' ? RATES.dibaoOfAlleviated : RATES.dibao[side];
    const bands = [dibaoRate, RATES.marginalLowIncome, RATES.rigidExpenditure, RATES.futureDibao].map((_, i, all) => all.slice(0, i + 1).reduce((sum, rate) => sum + rate, 0));
    let civilStatus: { category: CivilCategory; from: string } | undefined = kinshipCare
      ? { category: random.chance(0.5) ? 'dibao' : 'marginal-low-income', from: STATUS_FROM }
      : c < bands[0]
        ? { category: 'dibao', from: dayIn(random, 2019, 2025) }
        : c < bands[1]
          ? { category: 'marginal-low-income', from: dayIn(random, 2021, 2025) }
          : c < bands[2]
            ? householdV2
              ? { category: 'rigid-expenditure', from: dayIn(random, 2023, 2025) }
              : undefined
            : c < bands[3]
              ? { category: 'dibao', from: '2027-03-01' }
              : undefined;
    const inDibao = civilStatus?.category === 'dibao' && civilStatus.from <= REGION_DAY;
    const person = (age: number, relation: string): Person => {
      const birth = new Date(Date.UTC(2026 - age, random.int(0, 11), random.int(1, 28))).toISOString().slice(0, 10);
      const idNumber = numbers.next(region, birth);
      const certified = random.chance(inDibao ? RATES.certificateInDibao : RATES.certificate);
      const certificate = certified ? { number: `${idNumber}${random.weighted(CERTIFICATE_MIX)}${random.weighted(GRADE_MIX)}`, grade: 0, issuedOn: '' } : undefined;
      if (certificate) certificate.grade = Number(certificate.number.slice(-1));
      if (certificate) certificate.issuedOn = issueDay(random);
      return { idNumber, name: `${surname}${random.pick(GIVEN_NAMES)}`, age, relation, ...(certificate ? { certificate } : {}) };
    };
    // Half of those who live alone are elderly (低保 and 特困 concentrate among them).
    const elderlyAlone = size === 1 && random.chance(0.5);
    const headAge = kinshipCare ? random.int(55, 72) : elderlyAlone ? random.int(60, 88) : random.int(25, 65);
    const members: Person[] = [person(headAge, 'head')];
    if (kinshipCare) {
      if (size >= 3) members.push(person(headAge + random.int(-5, 5), 'spouse'));
      while (members.length < size) members.push({ ...person(random.int(1, 17), 'grandchild'), personalStatus: random.chance(0.6) ? 'orphan' : 'de-facto-unsupported-child' });
    } else {
      if (size >= 2) members.push(person(Math.max(20, headAge + random.int(-5, 5)), 'spouse'));
      // The rest: children (one in eight grown up, 18-30), and a parent of the head in the largest households.
      for (let i = members.length; i < size; i++) {
        members.push(size >= 5 && i === size - 1 ? person(random.int(headAge + 20, headAge + 30), 'parent') : person(random.chance(0.13) ? random.int(18, 30) : random.weighted(CHILD_AGES), 'child'));
      }
    }
    persons += members.length;
    // 特困: a person alone with no working capacity and no supporter, mostly elderly or severely disabled.
    const alone = members.length === 1 ? members[0] : undefined;
    const extremeRate = !alone ? 0 : alone.age >= 60 ? RATES.extremePovertyOfElderlyAlone : alone.certificate && severe(alone.certificate) ? RATES.extremePovertyOfDisabledAlone : 0;
    if (alone && random.chance(extremeRate)) civilStatus = { category: 'extreme-poverty', from: dayIn(random, 2019, 2025) };
    // 脱贫户 since they were lifted out of poverty (2016-2020); 监测对象 since their risk was found (2021-2025).
    // Monitoring for a risk that is found during 2026, after the spring term, or eliminated in 2026
    // (风险消除, April to mid-August: the spring term counts, the autumn one not), in households Civil
    // Affairs does not list.
    const riskTiming = monitoring !== undefined && monitoring !== 'poverty-alleviated' && civilStatus === undefined ? random.next() : 1;
    const day = () => String(random.int(1, 28)).padStart(2, '0');
    const monitoringFrom = monitoring === 'poverty-alleviated' ? dayIn(random, 2016, 2020) : riskTiming < 0.15 ? `2026-${random.chance(0.5) ? '09' : '10'}-${day()}` : dayIn(random, 2021, 2025);
    const monitoringEndsOn = riskTiming >= 0.15 && riskTiming < 0.3 ? `2026-0${random.int(4, 7)}-${day()}` : undefined;
    /** Whether the monitoring holds in a term as the rules count it (30 days of it). */
    const monitoringHoldsIn = (term: string) => (term === '2026-spring' ? monitoringFrom < '2026-06-01' : monitoringEndsOn === undefined);

    const householdNumber = `${region}-${String(index).padStart(8, '0')}`;
    // 城乡 of the status: mostly the family's 户口, but a tenth live (and are assisted) on the other side (低保 by 常住地).
    const area = (random.chance(0.1) ? !rural : rural) ? 'rural' : 'urban';
    const civilNow = civilStatus !== undefined && civilStatus.from <= REGION_DAY;
    const category = civilNow ? civilStatus!.category : undefined;
    // 单人保: a tenth of 低保 households of two or more, where the 低保 covers one member (the severely disabled one, or the head).
    const soleCovered =
      householdV2 && category === 'dibao' && !kinshipCare && members.length >= 2 && random.chance(0.1) ? (members.find((m) => m.certificate && severe(m.certificate)) ?? members[0]) : undefined;
    const covered = (member: Person) => soleCovered === undefined || member === soleCovered;

    const records: DepartmentRecord[] = [];
    const expected: ExpectedFinding[] = [];
    const add = (department: string, type: EventType, time: string, data: Record<string, unknown>) => records.push({ department, record: { id: `${department}-${++sequence}`, type, time, data } });
    const memberList = members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationToHead: m.relation }));
    /** A Civil Affairs household record, in the contract version its county publishes. */
    const civilRecord = (number: string, category: string, change: string, from: string, to: string | null, decision: string, listed: Person[], recordedOn = from) =>
      add('civil-affairs', `civil-affairs.household-status.changed.v${householdV2 ? 2 : 1}`, `${recordedOn}T09:00:00+08:00`, {
        householdNumber: number,
        regionCode: region,
        category,
        change,
        effectiveFrom: from,
        effectiveTo: to,
        decisionNumber: decision,
        members: listed.map((m) => ({
          idNumber: m.idNumber,
          name: m.name,
          relationToHead: listed.length === 1 ? 'head' : m.relation,
          ...(householdV2 ? { covered: covered(m), personalStatus: m.personalStatus ?? null } : {}),
        })),
        ...(householdV2 ? { area, supportMode: category === 'extreme-poverty' ? (random.chance(0.2) ? 'centralised' : 'dispersed') : null } : {}),
      });

    if (civilStatus) civilRecord(householdNumber, civilStatus.category, 'granted', civilStatus.from, null, `民救〔${civilStatus.from.slice(0, 4)}〕${index}号`, members);
    /** A Rural Revitalisation record of the household's monitoring: started, or ended from `from` on. */
    const monitoringRecord = (type: MonitoringType, change: string, from: string) =>
      add('rural-revitalisation', 'rural-revitalisation.monitoring-status.changed.v1', `${from}T09:00:00+08:00`, {
        householdNumber,
        regionCode: region,
        monitoringType: type,
        change,
        monitoringFrom: from,
        monitoringTo: null,
        members: memberList,
      });
    if (monitoring) monitoringRecord(monitoring, 'monitoring-started', monitoringFrom);
    if (monitoring && monitoringEndsOn) monitoringRecord(monitoring, 'risk-eliminated', monitoringEndsOn);
    let listedTwice = false;
    if (civilNow) {
      // Data quality: a member registered in a second Civil Affairs household (低保边缘, which adds
      // nothing the first status does not give, so not beside 刚性支出 or a 单人保) while the first
      // holds; or, a decoy, a second registration that ended before the first began.
      const listing = random.next();
      // Not a severely disabled member: 低保边缘 would make them a 单人保 candidate too.
      const listable = members.filter((m) => !(m.certificate && severe(m.certificate)));
      if (listing < 0.04 && !soleCovered && category !== 'rigid-expenditure' && listable.length > 0) {
        listedTwice = true;
        const listed = random.pick(listable);
        const overlaps = listing < 0.02;
        const from = overlaps ? SECOND_LISTING_FROM : '2017-03-01';
        civilRecord(`${region}-9${String(index).padStart(7, '0')}`, 'marginal-low-income', 'granted', from, overlaps ? null : '2018-06-30', `民救〔${from.slice(0, 4)}〕${index}-2号`, [listed]);
        if (overlaps) expected.push({ rule: 'data-quality', idNumber: listed.idNumber, period: SECOND_LISTING_FROM, routedTo: 'civil-affairs' });
      }
    }
    // 暂停 over the spring term (too few days of it to count), resumed for the autumn; or a 年度复核 renewal.
    const suspended = householdV2 && category === 'dibao' && !kinshipCare && !listedTwice && !soleCovered && members.every((m) => !m.certificate) && random.chance(0.06);
    if (suspended) {
      civilRecord(householdNumber, 'dibao', 'suspended', SUSPENDED_FROM, null, `民救〔2026〕${index}-暂`, members);
      civilRecord(householdNumber, 'dibao', 'resumed', RESUMED_FROM, null, `民救〔2026〕${index}-恢`, members);
    }
    // 年度复核 on the grant's anniversary in 2026, when that has come by the region's day.
    const renewedOn = civilStatus === undefined || civilStatus.from.startsWith('2026') ? RENEWED_FROM : `2026${civilStatus.from.slice(4)}`;
    const renewed = !suspended && householdV2 && category !== undefined && random.chance(0.3) && renewedOn <= REGION_DAY;
    if (renewed) civilRecord(householdNumber, category, 'renewed', renewedOn, null, `民救〔2026〕${index}-复`, members);
    // 转特困: a person alone in 低保, with no certificate, becomes 特困 from July; half the time the 低保
    // is not ended (特困 and 低保 at once: a data-quality finding), half the time it is (a decoy).
    const becomesExtreme = householdV2 && category === 'dibao' && members.length === 1 && !suspended && !renewed && !listedTwice && !members[0].certificate && random.chance(0.15);
    if (becomesExtreme) {
      const keepsDibao = random.chance(0.5);
      if (!keepsDibao) civilRecord(householdNumber, 'dibao', 'revoked', EXTREME_FROM, null, `民救〔2026〕${index}-止`, members);
      civilRecord(householdNumber, 'extreme-poverty', 'granted', EXTREME_FROM, null, `民救〔2026〕${index}-特`, members);
      if (keepsDibao) expected.push({ rule: 'data-quality', idNumber: members[0].idNumber, period: EXTREME_FROM, routedTo: 'civil-affairs' });
    }
    // 停保: a 低保 ended in 2026 (收入变化) between April and mid-August, so the spring term counts and
    // the autumn one does not, and the school now and then pays the autumn term all the same (应退则退:
    // 错助 findings); or, arriving late, an end back-dated to before the spring term, published in
    // October after the school had paid for the spring (a correction: 错助 findings for what was paid).
    // In households with no other status and no certificate, so that nothing else holds.
    const revocable =
      householdV2 &&
      category === 'dibao' &&
      monitoring === undefined &&
      !kinshipCare &&
      !suspended &&
      !renewed &&
      !listedTwice &&
      !becomesExtreme &&
      !soleCovered &&
      members.every((m) => !m.certificate);
    const ending = revocable ? random.next() : 1;
    const backdated = ending < 0.1;
    const revokedOn = backdated ? BACKDATED_END : ending < 0.3 ? `2026-0${random.int(4, 7)}-${String(random.int(1, 28)).padStart(2, '0')}` : undefined;
    const autumnPaidOn = revokedOn !== undefined && !backdated && random.chance(0.5);
    if (revokedOn) civilRecord(householdNumber, 'dibao', 'revoked', revokedOn, null, `民救〔2026〕${index}-停`, members, backdated ? BACKDATED_END_RECORDED_ON : revokedOn);
    /** Whether the 低保 holds in a term as the rules fold it, and whether the school believed it did when it paid. */
    const dibaoHoldsIn = (term: string) => revokedOn === undefined || (term === '2026-spring' && !backdated);
    const believedIn = (term: string) => dibaoHoldsIn(term) || (term === '2026-spring' ? backdated : autumnPaidOn);

    /** The household statuses a member holds in a term, as the rules count them (a category the status covers them by, `monitored:<type>`). */
    const heldIn = (term: string, member: Person, believed = false): string[] => [
      ...(monitoring && monitoringHoldsIn(term) ? [`monitored:${monitoring}`] : []),
      ...(category && covered(member) && !(suspended && term === '2026-spring') && (believed ? believedIn(term) : dibaoHoldsIn(term)) ? [category] : []),
    ];
    /** A child's own status in a term: it is known from the household's records, so it is suspended with them. */
    const ownStatusIn = (term: string, member: Person) => (suspended && term === '2026-spring' ? undefined : member.personalStatus);
    // 应保尽保 (policy 1.2.0): every covered member of an assisted household (刚性支出 aside) or a monitored one, 低保边缘 and 脱贫户 included, and every child with a status of their own.
    const insuranceDue = (member: Person) => member.personalStatus !== undefined || monitoring !== undefined || (category !== undefined && category !== 'rigid-expenditure' && covered(member));
    /** The premium subsidy a member's household statuses call for, the most generous of them (the Civil Affairs one on a tie). */
    const householdSubsidy = (member: Person) =>
      [category && covered(member) ? PREMIUM_SUBSIDY[category] : undefined, monitoring ? PREMIUM_SUBSIDY[monitoring] : undefined]
        .filter((subsidy) => subsidy !== undefined)
        .reduce<{ basis: string; amountFen: number } | undefined>((best, subsidy) => (best === undefined || subsidy.amountFen > best.amountFen ? subsidy : best), undefined);
    const livingDue = (member: Person) => category === 'dibao' && covered(member);
    // 特困供养 covers what the disability subsidies would: neither is due.
    const subsidiesExcluded = category === 'extreme-poverty';
    // The hub knows who lives together only from a household some department published; a parent's
    // certificate counts when it is severe (家庭经济困难残疾人子女: the care subsidy's scope). A
    // grandchild's parents are not listed in a grandparent's household.
    // 单人保 candidates (policy 1.3.0): a severely disabled covered member of a 低保边缘 or 刚性支出 household.
    const soleDibaoCandidate = (member: Person) =>
      member.certificate !== undefined && severe(member.certificate) && covered(member) && (category === 'marginal-low-income' || category === 'rigid-expenditure');
    // 因病返贫 early warning: not a finding for a member already assisted (低保, 特困, 低保边缘, 刚性支出) or monitored for a risk (not 脱贫户 alone).
    const assistedOrMonitored = (member: Person, since: string) =>
      (category !== undefined && covered(member) && (revokedOn === undefined || since < revokedOn)) ||
      (monitoring !== undefined && monitoring !== 'poverty-alleviated' && (monitoringEndsOn === undefined || since < monitoringEndsOn));
    // 医疗救助 一至三类 (policy 1.3.0) on a day: 特困, 孤儿 and 事实无人抚养, 低保, 低保边缘 covering the
    // member, or monitoring for a risk; not while the 低保 is suspended or after it ended.
    const dibaoPausedOn = (date: string) => (suspended && date >= SUSPENDED_FROM && date < RESUMED_FROM) || (revokedOn !== undefined && date >= revokedOn);
    const holdsAssistanceTierOn = (date: string, member: Person) =>
      (monitoring !== undefined && monitoring !== 'poverty-alleviated' && date >= monitoringFrom && (monitoringEndsOn === undefined || date < monitoringEndsOn)) ||
      (civilNow && date >= civilStatus!.from && !dibaoPausedOn(date) && (member.personalStatus !== undefined || (covered(member) && category !== 'rigid-expenditure')));
    const parentsDisabled = (member: Person) =>
      member.relation === 'child' &&
      (civilStatus !== undefined || monitoring !== undefined) &&
      members.some((m) => (m.relation === 'head' || m.relation === 'spouse') && m.certificate && severe(m.certificate));

    const counts = emptyCounts();
    for (const member of members) {
      counts.persons++;
      if (member.age <= 17) counts.children++;
      if (category && covered(member)) {
        if (category === 'dibao') counts.dibao++;
        if (category === 'extreme-poverty') counts.extremePoverty++;
        if (category === 'marginal-low-income') counts.marginalLowIncome++;
      }
      if (monitoring === 'poverty-alleviated') counts.povertyAlleviated++;
      else if (monitoring) counts.monitoredForRisk++;
      if (member.certificate) {
        counts.certificateHolders++;
        if (severe(member.certificate)) counts.careScope++;
        if (livingDue(member)) counts.livingSubsidy++;
      }
      if (member.certificate) {
        const { number, grade, issuedOn } = member.certificate;
        const category = CERTIFICATE_CATEGORIES[Number(number.slice(-2, -1)) - 1];
        const certificate = (change: string, effectiveDate: string, certificateNumber: string, certificateGrade: number) =>
          add('disability', 'disability.certificate.changed.v1', `${effectiveDate}T10:00:00+08:00`, {
            certificateNumber,
            idNumber: member.idNumber,
            name: member.name,
            regionCode: region,
            category,
            grade: certificateGrade,
            change,
            effectiveDate,
          });
        certificate('issued', issuedOn, number, grade);
        const careMonths = dueMonths(issuedOn);
        const careByGrade = grade <= 2 && !CARE_OF_EVERY_GRADE.includes(category);
        const careDue = severe(member.certificate) && !subsidiesExcluded;
        // 复评: some grade 2 certificates of categories cared for by grade become grade 3 in July; the
        // care subsidy is due up to June, and a third of them go on being paid (应退未退).
        const downgraded = careDue && careByGrade && grade === 2 && careMonths[0] < DOWNGRADE_FROM.slice(0, 7) && random.chance(0.1);
        const paidOnAfterDowngrade = downgraded && random.chance(1 / 3);
        if (downgraded) certificate('changed', DOWNGRADE_FROM, `${number.slice(0, -1)}3`, 3);
        /** Pays a subsidy for the months due (one of them missed, now and then: a planted gap) and any months paid on beyond them. */
        const subsidies = (type: 'care' | 'living', months: string[], rule: string, paidBeyond: string[] = []) => {
          const missing = months.length > 0 && random.chance(RATES.subsidyMonthMissed) ? random.pick(months) : undefined;
          for (const month of [...months.filter((m) => m !== missing), ...paidBeyond]) {
            const grantedOn = `${month}-${String(random.int(5, 25)).padStart(2, '0')}`;
            add('disability', 'disability.subsidy.granted.v1', `${grantedOn}T10:00:00+08:00`, {
              grantNumber: `CL${month.replace('-', '')}-${sequence + 1}`,
              certificateNumber: number,
              idNumber: member.idNumber,
              subsidyType: type,
              month,
              amountFen: SUBSIDY_FEN[type],
              grantedOn,
            });
          }
          if (missing) expected.push({ rule, idNumber: member.idNumber, period: '2026', routedTo: 'disability' });
        };
        if (careDue && !downgraded) subsidies('care', careMonths, 'disability-care-subsidy-gap');
        if (downgraded) {
          const due = careMonths.filter((m) => m < DOWNGRADE_FROM.slice(0, 7));
          subsidies('care', due, 'disability-care-subsidy-gap', paidOnAfterDowngrade ? careMonths.filter((m) => !due.includes(m)) : []);
          if (paidOnAfterDowngrade) expected.push({ rule: 'disability-subsidy-not-due', idNumber: member.idNumber, period: '2026', routedTo: 'disability' });
        }
        if (livingDue(member)) subsidies('living', dueMonths(civilStatus!.from > issuedOn ? civilStatus!.from : issuedOn), 'disability-living-subsidy-gap');
        if (soleDibaoCandidate(member)) expected.push({ rule: 'sole-dibao-candidate', idNumber: member.idNumber, period: '2026', routedTo: 'civil-affairs' });
      }

      const entryYear = schoolEntryYear(member.idNumber)!;
      const byAge = stageInAutumn(entryYear, random);
      const child = member.relation === 'child' || member.relation === 'grandchild';
      const inSchool = child && byAge !== undefined && random.chance(ENROLMENT_RATE[byAge.stage]);
      // A child just past 义务教育 and in no 高中阶段 school finished grade 9 in the spring (and left).
      const leftAfterGrade9 = child && !inSchool && byAge !== undefined && byAge.stage !== 'compulsory' && byAge.stage !== 'preschool' && byAge.grade === 1;
      const schooling = inSchool ? byAge : leftAfterGrade9 ? { stage: 'compulsory', grade: 9 } : undefined;
      if (schooling) {
        const studentNumber = `G${member.idNumber}`;
        // In school on the region's day (autumn 2026), by stage.
        if (inSchool) counts[schooling.stage === 'preschool' ? 'preschool' : schooling.stage === 'compulsory' ? 'compulsory' : 'seniorSecondary']++;
        // Now and then a school code whose type does not teach the stage (a data-quality finding for each term).
        const wrongSchoolType = random.chance(0.004);
        const schoolType = wrongSchoolType ? (schooling.stage === 'senior-high' ? '21' : '34') : SCHOOL_TYPES[schooling.stage](schooling.grade);
        const schoolCode = `${schoolType}64${region.slice(2)}${String(random.int(1, 99)).padStart(2, '0')}`;
        // 控辍保学 (policy 1.3.0): a 义务教育 pupil not back for the autumn term, or dropping out during it
        // (early enough to be a finding by the region's day, or not). A finding for the pupils the hub
        // follows (a covered status, a status of their own, a certificate), unless a grade 9 pupil
        // completed the stage in spring.
        const away = schooling.stage === 'compulsory' && inSchool ? random.next() : 1;
        const notBack = away < 0.03;
        const droppedOutOn = away < 0.03 ? undefined : away < 0.05 ? DROPPED_OUT_ON : away < 0.055 ? DROPPED_OUT_LATE_ON : undefined;
        // Age vs stage (policy 1.4.0): now and then a grade recorded two above the pupil's (a finding for
        // each enrolment record); decoys: a tenth of the certificate holders two grades behind (late entry is allowed).
        const staysInSchool = inSchool && !notBack && droppedOutOn === undefined;
        const gradeTypo = staysInSchool && schooling.grade + 2 <= (schooling.stage === 'compulsory' ? 8 : 3) && random.chance(0.003);
        const enteredLate = !gradeTypo && staysInSchool && member.certificate !== undefined && schooling.grade > 2 && random.chance(0.1);
        const recordedGrade = schooling.grade + (gradeTypo ? 2 : enteredLate ? -2 : 0);
        const followed = heldIn('2026-autumn', member).length > 0 || ownStatusIn('2026-autumn', member) !== undefined || member.certificate !== undefined;
        if (followed && ((notBack && schooling.grade < 9) || droppedOutOn === DROPPED_OUT_ON))
          expected.push({ rule: 'dropout-risk', idNumber: member.idNumber, period: '2026-autumn', routedTo: 'education' });
        const boarding = schooling.stage === 'compulsory' ? random.chance(rural ? 0.5 : 0.2) : schooling.stage === 'senior-high' ? random.chance(0.6) : false;
        const owned = member.certificate !== undefined;
        const kindergartenType = schooling.stage === 'preschool' ? random.weighted(KINDERGARTEN_TYPES) : null;
        const agricultureMajor = schooling.stage === 'secondary-vocational' ? random.chance(0.2) : null;
        // 农村低保 and 农村特困 by the status's 城乡 where its record says (version 2), else by the pupil's 户口.
        const ruralStatus = householdV2 ? area === 'rural' : rural;
        for (const term of TERMS) {
          if ((notBack || leftAfterGrade9) && term.term === '2026-autumn') continue;
          if (wrongSchoolType) expected.push({ rule: 'data-quality', idNumber: member.idNumber, period: term.term, routedTo: 'education' });
          if (gradeTypo) expected.push({ rule: 'data-quality', idNumber: member.idNumber, period: term.startsOn, routedTo: 'education' });
          /** The items due by the statuses held (as the rules fold them), or believed held when the school paid. */
          const due = (held: string[]) =>
            itemsDue(schooling.stage, {
              counted: held.length > 0 || ownStatusIn(term.term, member) !== undefined || owned || parentsDisabled(member),
              fourGroups:
                owned ||
                held.includes('monitored:poverty-alleviated') ||
                held.includes('monitored:unstable-alleviated') ||
                (ruralStatus && (held.includes('dibao') || held.includes('extreme-poverty'))),
              boarding,
              liupanshanRural: rural && LIUPANSHAN.includes(region),
              approvedKindergarten: kindergartenType !== 'private',
            });
          const entitled = due(heldIn(term.term, member));
          const paidFor = due(heldIn(term.term, member, true));
          // The only status ended before the term: a need-tested item paid for it is 错助 too.
          const endedBefore = (revokedOn !== undefined && !dibaoHoldsIn(term.term)) || (monitoringEndsOn !== undefined && !monitoringHoldsIn(term.term));
          const enrolment = (change: string, effectiveDate: string) =>
            add('education', 'education.student-enrolment.changed.v2', `${effectiveDate}T08:00:00+08:00`, {
              studentNumber,
              idNumber: member.idNumber,
              schoolCode,
              regionCode: region,
              stage: schooling.stage,
              grade: recordedGrade,
              term: term.term,
              change,
              effectiveDate,
              boarding,
              residence: rural ? 'rural' : 'urban',
              kindergartenType,
              agricultureMajor,
              guardian: null,
            });
          enrolment('enrolled', term.startsOn);
          if (droppedOutOn && term.term === '2026-autumn') enrolment('dropped-out', droppedOutOn);
          // Schools pay a term's aid over its months (autumn's by the end of November, before the region's day).
          const paidOn = `2026-${String(random.int(term.paidIn[0], term.paidIn[1])).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
          const pay = (item: string) =>
            add('education', 'education.student-aid.granted.v2', `${paidOn}T10:00:00+08:00`, {
              grantNumber: `ZZ${term.term}-${sequence + 1}`,
              studentNumber,
              idNumber: member.idNumber,
              schoolCode,
              term: term.term,
              aidType: item,
              amountFen: aidAmountFen(item, schooling.grade),
              grantedOn: paidOn,
              recognitionLevel: null,
              recognitionBasis: null,
            });
          for (const item of UNIVERSAL_ITEMS[schooling.stage] ?? []) pay(item);
          for (const item of ITEMS_BY_STAGE[schooling.stage] ?? []) {
            const wrongly = () => expected.push({ rule: 'aid-without-eligibility', idNumber: member.idNumber, period: term.term, item, routedTo: 'education' });
            if (paidFor.has(item)) {
              // Missed now and then; an autumn miss is not a finding yet: its payment deadline (12-31) is after the region's day.
              if (!random.chance(RATES.studentAidMissed)) {
                pay(item);
                if (!entitled.has(item)) wrongly();
              } else if (term.judged && entitled.has(item)) expected.push({ rule: 'missed-student-aid', idNumber: member.idNumber, period: term.term, item, routedTo: 'education' });
            } else if (random.chance(CLOSED_LIST_ITEMS.includes(item) ? 0.03 : 0.005)) {
              // Paid to a student in none of its groups: a finding for a closed-list item; for a need-tested one, a decoy (schools see need the hub cannot), unless the status ended before the term.
              pay(item);
              if (CLOSED_LIST_ITEMS.includes(item) || endedBefore) wrongly();
            }
          }
        }
      } else {
        // 适龄未入学 (policy 1.4.0): a child of school age (by the entry year the gateway derives from the
        // identity number) in no school, followed in a term since 2026: a finding for that term.
        for (const term of TERMS) {
          const grade = Number(term.startsOn.slice(0, 4)) - (term.term.endsWith('-spring') ? 1 : 0) - entryYear + 1;
          const followed = heldIn(term.term, member).length > 0 || ownStatusIn(term.term, member) !== undefined || member.certificate !== undefined;
          if (grade >= 1 && grade <= 9 && followed) expected.push({ rule: 'dropout-risk', idNumber: member.idNumber, period: term.term, routedTo: 'education' });
        }
      }

      // 医疗费用结算: a few residents' settlements in 2026 (1.5 %); a fifth of them with self-paid costs past the
      // 因病返贫 threshold (8,900 元 in 2026, policy 1.3.0: three settlements of at least 3,000 元 each; the
      // others at most 6,000 元 in all): a finding for those neither assisted nor monitored for a risk.
      if (random.chance(0.015)) {
        const high = random.chance(0.2);
        const count = high ? 3 : random.int(1, 3);
        let month = random.int(1, 3);
        let crossedOn = '';
        let assistanceMissed = false;
        for (let i = 0; i < count; i++, month += random.int(1, 3)) {
          const settledOn = `2026-${String(Math.min(month, 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
          if (settledOn > crossedOn) crossedOn = settledOn;
          const selfPaidInScopeFen = high ? random.int(250_000, 350_000) : random.int(20_000, 150_000);
          const selfPaidOutOfScopeFen = high ? random.int(50_000, 150_000) : random.int(0, 50_000);
          const fundPaidFen = random.int(100_000, 2_000_000);
          const admission = high ? 'inpatient' : random.pick(['outpatient', 'inpatient', 'chronic-outpatient']);
          // 医疗救助 pays a share of a tier holder's self-pay within the scope; now and then, on a 住院 or
          // 门诊慢特病 settlement of at least 1,000 元 of it, it was not applied (a finding for Healthcare Security).
          const tier = holdsAssistanceTierOn(settledOn, member);
          const missed = tier && admission !== 'outpatient' && selfPaidInScopeFen >= 100_000 && random.chance(0.1);
          assistanceMissed ||= missed;
          const medicalAssistanceFen = tier && !missed ? Math.round(selfPaidInScopeFen * 0.6) : 0;
          add('healthcare-security', 'healthcare-security.settlement.recorded.v1', `${settledOn}T16:00:00+08:00`, {
            settlementNumber: `JS-${region}-${sequence + 1}`,
            idNumber: member.idNumber,
            regionCode: region,
            settledOn,
            admission,
            institutionLevel: random.pick(['primary', 'secondary', 'tertiary', 'out-of-province']),
            totalFen: fundPaidFen + medicalAssistanceFen + selfPaidInScopeFen + selfPaidOutOfScopeFen,
            fundPaidFen,
            criticalIllnessFen: 0,
            medicalAssistanceFen,
            selfPaidInScopeFen,
            selfPaidOutOfScopeFen,
          });
        }
        if (assistanceMissed) expected.push({ rule: 'medical-assistance-missing', idNumber: member.idNumber, period: '2026', routedTo: 'healthcare-security' });
        if (high && !assistedOrMonitored(member, crossedOn)) expected.push({ rule: 'medical-cost-risk', idNumber: member.idNumber, period: '2026', routedTo: 'rural-revitalisation' });
      }

      const due = insuranceDue(member);
      const insured = random.chance(due ? RATES.insuredWhenDue : RATES.insured);
      // The subsidy the member's status calls for: a child's own status (全额) before the household's.
      const ofHousehold = householdSubsidy(member);
      const subsidy = member.personalStatus ? PREMIUM_SUBSIDY[member.personalStatus] : ofHousehold;
      // Now and then an assisted member is enrolled without the subsidy the status calls for (资助未落实),
      // or a child with a status of their own on the household's 定额 (全额 is due).
      const subsidyMissed = insured && subsidy !== undefined && random.chance(RATES.premiumSubsidyMissed);
      // A person who became 特困 in July is due 全额 for the year; the 定额 paid for 低保 is a lower tier.
      const lowerTier = insured && !subsidyMissed && ofHousehold !== undefined && ((member.personalStatus !== undefined && random.chance(0.1)) || becomesExtreme);
      if (insured) {
        counts.insured++;
        // Enrolled for 2026 in the 集中参保期 of autumn 2025.
        const recordedOn = `2025-${String(random.int(9, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        add('healthcare-security', 'healthcare-security.insurance-enrolment.recorded.v1', `${recordedOn}T10:00:00+08:00`, {
          idNumber: member.idNumber,
          regionCode: region,
          insuranceType: 'basic-medical',
          year: 2026,
          status: 'enrolled',
          premiumSubsidy: subsidyMissed ? null : lowerTier ? ofHousehold : (subsidy ?? null),
          recordedOn,
        });
      }
      if (due && !insured) expected.push({ rule: 'insurance-gap', idNumber: member.idNumber, period: '2026', routedTo: 'healthcare-security' });
      if (subsidyMissed || lowerTier) expected.push({ rule: 'insurance-subsidy-mismatch', idNumber: member.idNumber, period: '2026', routedTo: 'healthcare-security' });
    }
    yield { persons: members.length, records, expected, counts };
  }
}
