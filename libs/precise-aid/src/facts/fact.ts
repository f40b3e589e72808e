import type { IsoDate } from '../calendar/date-interval.js';
import type { Evidence } from './evidence.js';

/** A person named in a household's record, by pseudonym, with their relation to the head. */
export interface HouseholdMember {
  person: string;
  relation: string;
  /** The member's own status (孤儿, 事实无人抚养儿童; household contract version 2), which is theirs, not the household's. */
  personalStatus?: string;
  /** False for a member who lives in the household without the status (共同生活成员, e.g. beside a 单人保); absent (version 1) is covered. */
  covered?: boolean;
  /** The year of the first autumn term in which the person is of compulsory school age, derived by the gateway from the identity number; absent where the contract derives none. */
  schoolEntryYear?: number;
}

/** Civil Affairs: a household's assistance status granted, renewed, resumed, or suspended or revoked (from `from` on). */
export interface HouseholdStatusFact {
  kind: 'household-status';
  household: string;
  category: string;
  change: 'granted' | 'renewed' | 'revoked' | 'suspended' | 'resumed';
  from: IsoDate;
  to: IsoDate | null;
  members: HouseholdMember[];
  /** 城乡 of the status (version 2): a 农村 or 城市 低保 or 特困; absent for version 1. */
  area?: 'rural' | 'urban';
  /** The county-level division (GB/T 2260) the record names, where its contract has one: what findings are counted by. */
  regionCode?: string;
  evidence: Evidence;
}

/** Rural Revitalisation: monitoring of a household started, or ended (from `from` on). */
export interface MonitoringFact {
  kind: 'monitoring-status';
  household: string;
  monitoringType: string;
  change: 'monitoring-started' | 'monitoring-ended' | 'risk-eliminated';
  from: IsoDate;
  to: IsoDate | null;
  members: HouseholdMember[];
  /** The county-level division (GB/T 2260) the record names, where its contract has one: what findings are counted by. */
  regionCode?: string;
  evidence: Evidence;
}

export interface EnrolmentFact {
  kind: 'enrolment';
  person: string;
  stage: string;
  term: string;
  /** Joined (enrolled, transferred in, resumed) or left (transferred out, suspended, dropped out, deceased, graduated); `reason` keeps the 学籍异动 of version 2. */
  change: 'enrolled' | 'transferred' | 'graduated' | 'left';
  reason?: string;
  effectiveDate: IsoDate;
  /**
   * What the aid items turn on (enrolment contract version 2). Absent for a version 1 enrolment,
   * which does not say: it is read as a boarder with 农村 户口, the hub's reading before version 2
   * (every counted status qualified), until the department publishes version 2.
   */
  boarding?: boolean;
  rural?: boolean;
  /** 幼儿园办别 (version 2, preschool): public, inclusive-private or private; absent is read as an approved kindergarten. */
  kindergartenType?: string;
  /** The county of the school (GB/T 2260), for items limited to some counties (六盘山区). */
  regionCode?: string;
  /** The grade in the stage (1-9 in 义务教育); absent in facts stored before policy 1.3.0 read it. */
  grade?: number;
  /** The school type, the first two digits of the 学校标识码 (11 幼儿园, 21 小学, 31 初中, 34 普通高中, 36 中职, 51 特殊教育 ...). */
  schoolType?: string;
  /** The year of the first autumn term in which the person is of compulsory school age, derived by the gateway from the identity number; absent where the contract derives none. */
  schoolEntryYear?: number;
  evidence: Evidence;
}

export interface StudentAidFact {
  kind: 'student-aid';
  person: string;
  term: string;
  aidType: string;
  evidence: Evidence;
}

export interface CertificateFact {
  kind: 'certificate';
  person: string;
  /** 视力 … 多重 (the contract's category); absent in facts stored before policy 1.2.0 read it. */
  category?: string;
  grade: number;
  change: 'issued' | 'changed' | 'revoked';
  effectiveDate: IsoDate;
  /** The year of the first autumn term in which the person is of compulsory school age, derived by the gateway from the identity number; absent where the contract derives none. */
  schoolEntryYear?: number;
  /** The county-level division (GB/T 2260) the record names, where its contract has one: what findings are counted by. */
  regionCode?: string;
  evidence: Evidence;
}

export interface DisabilitySubsidyFact {
  kind: 'disability-subsidy';
  person: string;
  subsidyType: 'living' | 'care';
  /** `YYYY-MM`. */
  month: string;
  evidence: Evidence;
}

export interface InsuranceFact {
  kind: 'insurance';
  person: string;
  insuranceType: string;
  year: number;
  status: 'enrolled' | 'terminated';
  /** The status the premium is subsidised on (the contract's `premiumSubsidy.basis`), null without a subsidy; absent in facts stored before policy 1.2.0 read it. */
  subsidyBasis?: string | null;
  evidence: Evidence;
}

/** Healthcare Security: one settlement of medical costs (结算), with what the person paid themselves. */
export interface SettlementFact {
  kind: 'settlement';
  person: string;
  settledOn: IsoDate;
  /** 个人自付, within the policy's scope and outside it, in fen. */
  selfPaidFen: number;
  /** 个人自付 within the policy's scope (what 医疗救助 covers a share of), in fen; absent in facts stored before policy 1.3.0 read it. */
  selfPaidInScopeFen?: number;
  /** outpatient, inpatient or chronic-outpatient (门诊慢特病). */
  admission?: string;
  /** What 医疗救助 paid, in fen. */
  medicalAssistanceFen: number;
  evidence: Evidence;
}

/** What one canonical event says, in the terms the rules reason in. */
export type Fact = HouseholdStatusFact | MonitoringFact | EnrolmentFact | StudentAidFact | CertificateFact | DisabilitySubsidyFact | InsuranceFact | SettlementFact;

export type HouseholdFact = HouseholdStatusFact | MonitoringFact;
export type PersonFact = Exclude<Fact, HouseholdFact>;
