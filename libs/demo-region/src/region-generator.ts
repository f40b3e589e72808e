import { COUNTIES, GIVEN_NAMES, SURNAMES } from './ningxia.js';
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
  certificate?: { number: string; grade: number };
}

/** The day the region is generated for (findings are judged as of it): the autumn term and ten months of 2026 have passed. */
export const REGION_DAY = '2026-11-30';
/**
 * The terms every pupil is enrolled for: spring 2026, judged (its payment deadline, 06-30, has
 * passed by the region's day), and autumn 2026, whose deadline (12-31) has not: its misses are not
 * findings yet, and the crosscheck's daily review raises them on 2027-01-01.
 */
const TERMS = [
  { term: '2026-spring', startsOn: '2026-02-15', paidOn: '2026-05-20', judged: true },
  { term: '2026-autumn', startsOn: '2026-09-01', paidOn: '2026-10-20', judged: false },
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
const SCHOOL_TYPES: Record<string, (grade: number) => string> = { preschool: () => '11', compulsory: (grade) => (grade <= 6 ? '21' : '31'), 'senior-high': () => '34', 'secondary-vocational': () => '36' };

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
const STATUS_FROM = '2026-03-01';
const CERTIFICATE_FROM = '2026-01-10';
/** When a member registered in a second Civil Affairs household too begins to be listed there. */
const SECOND_LISTING_FROM = '2026-05-01';
/** Months for which subsidies are due by REGION_DAY (two grace months after the certificate, and after the status for the living subsidy). */
const CARE_MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const LIVING_MONTHS = CARE_MONTHS.slice(2);
/** When a planted 复评 moves a grade 2 certificate to grade 3, ending the care subsidy (for categories other than 智力 and 精神). */
const DOWNGRADE_FROM = '2026-07-01';
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
const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5, 6].map((value, i) => ({ value, weight: [0.22, 0.33, 0.2, 0.14, 0.08, 0.03][i]! }));

type Status =
  | { kind: 'none' }
  | { kind: 'civil'; category: 'dibao' | 'extreme-poverty' | 'marginal-low-income'; from: string }
  | { kind: 'monitored'; type: 'poverty-alleviated' | 'unstable-alleviated' | 'marginal-vulnerable' | 'sudden-hardship' };

/** Whether a certificate is in the care subsidy's scope: grades 1-2, or 智力 and 精神 of every grade. */
const severe = (certificate: { number: string; grade: number }) => certificate.grade <= 2 || CARE_OF_EVERY_GRADE.includes(CERTIFICATE_CATEGORIES[Number(certificate.number.slice(-2, -1)) - 1]!);

function stageOf(age: number, random: SeededRandom): { stage: string; grade: number } | undefined {
  if (age >= 3 && age <= 5) return { stage: 'preschool', grade: age - 2 };
  if (age >= 6 && age <= 14) return { stage: 'compulsory', grade: age - 5 };
  if (age >= 15 && age <= 17) return { stage: random.chance(0.3) ? 'secondary-vocational' : 'senior-high', grade: age - 14 };
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
 * subsidy).
 */
export function* generateRegion(options: RegionOptions): Generator<GeneratedHousehold> {
  const random = new SeededRandom(options.seed);
  const numbers = new ResidentNumbers();
  let persons = 0;
  let sequence = 0;
  for (let index = 0; persons < options.persons; index++) {
    const region = random.weighted(COUNTIES);
    const surname = random.pick(SURNAMES);
    const person = (age: number, relation: string): Person => {
      const birth = new Date(Date.UTC(2026 - age, random.int(0, 11), random.int(1, 28))).toISOString().slice(0, 10);
      const idNumber = numbers.next(region, birth);
      const certificate = random.chance(0.025) ? { number: `${idNumber}${random.int(1, 7)}${random.int(1, 4)}`, grade: 0 } : undefined;
      if (certificate) certificate.grade = Number(certificate.number.slice(-1));
      return { idNumber, name: `${surname}${random.pick(GIVEN_NAMES)}`, age, relation, ...(certificate ? { certificate } : {}) };
    };
    const size = random.weighted(HOUSEHOLD_SIZES);
    const headAge = random.int(25, 65);
    const members: Person[] = [person(headAge, 'head')];
    if (size >= 2) members.push(person(Math.max(20, headAge + random.int(-5, 5)), 'spouse'));
    for (let i = members.length; i < size; i++) members.push(size >= 5 && i === size - 1 ? person(random.int(headAge + 20, headAge + 30), 'parent') : person(random.int(0, 17), 'child'));
    persons += members.length;

    const householdNumber = `${region}-${String(index).padStart(8, '0')}`;
    /** 户口性质: about a third of Ningxia's residents are rural. */
    const rural = random.chance(0.35);
    const r = random.next();
    const status: Status =
      r < 0.06 ? { kind: 'civil', category: 'dibao', from: STATUS_FROM }
      : r < 0.075 ? { kind: 'civil', category: 'extreme-poverty', from: STATUS_FROM }
      : r < 0.095 ? { kind: 'civil', category: 'marginal-low-income', from: STATUS_FROM }
      : r < 0.105 ? { kind: 'civil', category: 'dibao', from: '2027-03-01' }
      : r < 0.155 ? { kind: 'monitored', type: random.pick(['poverty-alleviated', 'unstable-alleviated', 'marginal-vulnerable', 'sudden-hardship'] as const) }
      : { kind: 'none' };

    const records: DepartmentRecord[] = [];
    const expected: ExpectedFinding[] = [];
    const add = (department: string, type: string, time: string, data: Record<string, unknown>) => records.push({ department, record: { id: `${department}-${++sequence}`, type, time, data } });
    const memberList = members.map((m) => ({ idNumber: m.idNumber, name: m.name, relationToHead: m.relation }));

    if (status.kind === 'civil') {
      add('civil-affairs', 'civil-affairs.household-status.changed.v1', `${status.from}T09:00:00+08:00`, {
        householdNumber,
        regionCode: region,
        category: status.category,
        change: 'granted',
        effectiveFrom: status.from,
        effectiveTo: null,
        decisionNumber: `民救〔2026〕${index}号`,
        members: memberList,
      });
    } else if (status.kind === 'monitored') {
      add('rural-revitalisation', 'rural-revitalisation.monitoring-status.changed.v1', `${STATUS_FROM}T09:00:00+08:00`, {
        householdNumber,
        regionCode: region,
        monitoringType: status.type,
        change: 'monitoring-started',
        monitoringFrom: STATUS_FROM,
        monitoringTo: null,
        members: memberList,
      });
    }
    const statusNow = status.kind === 'civil' && status.from <= REGION_DAY;
    if (statusNow) {
      // Data quality: a member registered in a second Civil Affairs household (低保边缘, which no
      // other rule counts) while the first holds; or, a decoy, a second registration that ended
      // before the first began.
      const listing = random.next();
      if (listing < 0.04) {
        const listed = random.pick(members);
        const overlaps = listing < 0.02;
        const from = overlaps ? SECOND_LISTING_FROM : '2026-01-01';
        add('civil-affairs', 'civil-affairs.household-status.changed.v1', `${from}T09:00:00+08:00`, {
          householdNumber: `${region}-9${String(index).padStart(7, '0')}`,
          regionCode: region,
          category: 'marginal-low-income',
          change: 'granted',
          effectiveFrom: from,
          effectiveTo: overlaps ? null : '2026-02-28',
          decisionNumber: `民救〔2026〕${index}-2号`,
          members: [{ idNumber: listed.idNumber, name: listed.name, relationToHead: 'head' }],
        });
        if (overlaps) expected.push({ rule: 'data-quality', idNumber: listed.idNumber, period: SECOND_LISTING_FROM, routedTo: 'civil-affairs' });
      }
    }
    // Student aid (policy 1.2.0): every assisted or monitored household, 低保边缘 included.
    const householdEligible = statusNow || status.kind === 'monitored';
    // 应保尽保 (policy 1.2.0): every assisted or monitored household, 低保边缘 and 脱贫户 included.
    const insuranceDue = statusNow || status.kind === 'monitored';
    const premiumSubsidy = statusNow ? PREMIUM_SUBSIDY[status.category] : status.kind === 'monitored' ? PREMIUM_SUBSIDY[status.type] : undefined;
    const livingDue = statusNow && status.category === 'dibao';
    // 特困供养 covers what the disability subsidies would: neither is due.
    const subsidiesExcluded = statusNow && status.category === 'extreme-poverty';
    // The hub knows who lives together only from a household some department published; a parent's
    // certificate counts when it is severe (家庭经济困难残疾人子女: the care subsidy's scope).
    const parentsDisabled = status.kind !== 'none' && members.some((m) => (m.relation === 'head' || m.relation === 'spouse') && m.certificate && severe(m.certificate));

    for (const member of members) {
      if (member.certificate) {
        const { number, grade } = member.certificate;
        const category = CERTIFICATE_CATEGORIES[Number(number.slice(-2, -1)) - 1]!;
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
        certificate('issued', CERTIFICATE_FROM, number, grade);
        const careByGrade = grade <= 2 && !CARE_OF_EVERY_GRADE.includes(category);
        const careDue = severe(member.certificate) && !subsidiesExcluded;
        // 复评: some grade 2 certificates of categories cared for by grade become grade 3 in July; the
        // care subsidy is due up to June, and a third of them go on being paid (应退未退).
        const downgraded = careDue && careByGrade && grade === 2 && random.chance(0.1);
        const paidOn = downgraded && random.chance(1 / 3);
        if (downgraded) certificate('changed', DOWNGRADE_FROM, `${number.slice(0, -1)}3`, 3);
        /** Pays a subsidy for the months due (one of them missed, now and then: a planted gap) and any months paid on beyond them. */
        const subsidies = (type: 'care' | 'living', months: string[], rule: string, paidBeyond: string[] = []) => {
          const missing = random.chance(0.1) ? random.pick(months) : undefined;
          for (const month of [...months.filter((m) => m !== missing), ...paidBeyond]) {
            add('disability', 'disability.subsidy.granted.v1', `${month}-15T10:00:00+08:00`, {
              grantNumber: `CL${month.replace('-', '')}-${sequence + 1}`,
              certificateNumber: number,
              idNumber: member.idNumber,
              subsidyType: type,
              month,
              amountFen: type === 'care' ? 9000 : 8000,
              grantedOn: `${month}-15`,
            });
          }
          if (missing) expected.push({ rule, idNumber: member.idNumber, period: '2026', routedTo: 'disability' });
        };
        if (careDue && !downgraded) subsidies('care', CARE_MONTHS, 'disability-care-subsidy-gap');
        if (downgraded) {
          const due = CARE_MONTHS.filter((m) => m < DOWNGRADE_FROM.slice(0, 7));
          subsidies('care', due, 'disability-care-subsidy-gap', paidOn ? CARE_MONTHS.filter((m) => !due.includes(m)) : []);
          if (paidOn) expected.push({ rule: 'disability-subsidy-not-due', idNumber: member.idNumber, period: '2026', routedTo: 'disability' });
        }
        if (livingDue) subsidies('living', LIVING_MONTHS, 'disability-living-subsidy-gap');
      }

      const schooling = stageOf(member.age, random);
      if (member.relation === 'child' && schooling && random.chance(0.95)) {
        const studentNumber = `G${member.idNumber}`;
        const schoolCode = `${SCHOOL_TYPES[schooling.stage]!(schooling.grade)}64${region.slice(2)}${String(random.int(1, 99)).padStart(2, '0')}`;
        const boarding = schooling.stage === 'compulsory' ? random.chance(rural ? 0.5 : 0.2) : schooling.stage === 'senior-high' ? random.chance(0.6) : false;
        const owned = member.certificate !== undefined;
        const kindergartenType = schooling.stage === 'preschool' ? random.weighted(KINDERGARTEN_TYPES) : null;
        const statusKind = statusNow ? status.category : status.kind === 'monitored' ? `monitored:${status.type}` : undefined;
        const entitled = itemsDue(schooling.stage, {
          counted: householdEligible || owned || parentsDisabled,
          fourGroups: owned || statusKind === 'monitored:poverty-alleviated' || statusKind === 'monitored:unstable-alleviated' || (rural && (statusKind === 'dibao' || statusKind === 'extreme-poverty')),
          boarding,
          liupanshanRural: rural && LIUPANSHAN.includes(region),
          approvedKindergarten: kindergartenType !== 'private',
        });
        for (const term of TERMS) {
          const effectiveDate = term.startsOn;
          add('education', 'education.student-enrolment.changed.v2', `${effectiveDate}T08:00:00+08:00`, {
            studentNumber,
            idNumber: member.idNumber,
            schoolCode,
            regionCode: region,
            stage: schooling.stage,
            grade: schooling.grade,
            term: term.term,
            change: 'enrolled',
            effectiveDate,
            boarding,
            residence: rural ? 'rural' : 'urban',
            kindergartenType,
            agricultureMajor: schooling.stage === 'secondary-vocational' ? random.chance(0.2) : null,
            guardian: null,
          });
          const pay = (item: string) =>
            add('education', 'education.student-aid.granted.v2', `${term.paidOn}T10:00:00+08:00`, {
              grantNumber: `ZZ${term.term}-${sequence + 1}`,
              studentNumber,
              idNumber: member.idNumber,
              schoolCode,
              term: term.term,
              aidType: item,
              amountFen: 62500,
              grantedOn: term.paidOn,
              recognitionLevel: null,
              recognitionBasis: null,
            });
          for (const item of UNIVERSAL_ITEMS[schooling.stage] ?? []) pay(item);
          for (const item of ITEMS_BY_STAGE[schooling.stage] ?? []) {
            if (entitled.has(item)) {
              // Missed now and then; an autumn miss is not a finding yet: its payment deadline (12-31) is after the region's day.
              if (random.chance(0.85)) pay(item);
              else if (term.judged) expected.push({ rule: 'missed-student-aid', idNumber: member.idNumber, period: term.term, item, routedTo: 'education' });
            } else if (random.chance(CLOSED_LIST_ITEMS.includes(item) ? 0.03 : 0.005)) {
              // Paid to a student in none of its groups: a finding for a closed-list item; for a need-tested one, a decoy (schools see need the hub cannot).
              pay(item);
              if (CLOSED_LIST_ITEMS.includes(item)) expected.push({ rule: 'aid-without-eligibility', idNumber: member.idNumber, period: term.term, item, routedTo: 'education' });
            }
          }
        }
      }

      const insured = insuranceDue ? random.chance(0.92) : random.chance(0.3);
      // Now and then an assisted member is enrolled without the subsidy the status calls for (资助未落实).
      const subsidyMissed = insured && premiumSubsidy !== undefined && random.chance(0.05);
      if (insured) {
        add('healthcare-security', 'healthcare-security.insurance-enrolment.recorded.v1', '2025-12-20T10:00:00+08:00', {
          idNumber: member.idNumber,
          regionCode: region,
          insuranceType: 'basic-medical',
          year: 2026,
          status: 'enrolled',
          premiumSubsidy: subsidyMissed ? null : (premiumSubsidy ?? null),
          recordedOn: '2025-12-20',
        });
      }
      if (insuranceDue && !insured) expected.push({ rule: 'insurance-gap', idNumber: member.idNumber, period: '2026', routedTo: 'healthcare-security' });
      if (subsidyMissed) expected.push({ rule: 'insurance-subsidy-mismatch', idNumber: member.idNumber, period: '2026', routedTo: 'healthcare-security' });
    }
    yield { persons: members.length, records, expected };
  }
}
