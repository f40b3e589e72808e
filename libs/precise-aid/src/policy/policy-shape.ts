import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { RULE_FAMILIES, type RuleFamily } from '../findings/finding.js';

/**
 * The shape of a policy, once: the `Policy` type is derived from it, and so is the JSON Schema a
 * what-if policy file is checked against (`libs/replay`). A field added here is in both.
 */

const closed = { additionalProperties: false } as const;
const strings = Type.Array(Type.String({ minLength: 1 }));
/** MM-DD. */
const monthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });
const term = Type.Object({ start: monthDay, end: monthDay }, closed);
const nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const integer = (minimum: number, maximum?: number) => Type.Integer({ minimum, ...(maximum === undefined ? {} : { maximum }) });

/**
 * Who an aid item goes to: students with one of the bases (as `eligibilityDuring` names them: a
 * category, `monitored:<type>`, `disability`, `parent-disability`; `counted`: any basis the policy
 * counts; `anyone`: every student), and only those the qualifiers name. An enrolment that does not
 * state a qualifier (contract version 1) is read as a boarder with 农村 户口.
 */
export const ENTITLED_GROUP = Type.Object(
  {
    bases: Type.Union([strings, Type.Literal('counted'), Type.Literal('anyone')]),
    /** Only boarders (true), or only non-boarders (false). */
    boarding: Type.Optional(Type.Boolean()),
    /** Only 农村: a status of 农村 (农村低保, as its record says in household contract version 2), else a student with 农村 户口. */
    rural: Type.Optional(Type.Boolean()),
    /** Only students at schools in these counties (GB/T 2260), e.g. the 六盘山区. */
    counties: Type.Optional(Type.Array(Type.String({ pattern: '^[1-8][0-9]{5}$' }))),
    /** Only children in kindergartens of these types (学前 aid goes to 公办 and 普惠性民办 kindergartens). */
    kindergartens: Type.Optional(strings),
  },
  closed,
);
export type EntitledGroup = Static<typeof ENTITLED_GROUP>;

/** One student-aid item of a school stage, as the policy entitles it (issue 21). */
export const AID_ITEM = Type.Object(
  {
    /** The item's code, as the aid contract (version 2) names it; findings about it carry it. Absent in policies before 1.2.0, whose findings named no item. */
    item: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' })),
    /** The item as officers name it. */
    name: Type.String({ minLength: 1 }),
    stage: Type.String({ minLength: 1 }),
    /** The aid types (of either aid contract version) that pay it. */
    paidBy: strings,
    /**
     * `universal`: every student of the stage (nothing to find either way); `need-tested`: the groups
     * are entitled, and schools may find need the hub cannot see; `closed-list`: only the groups.
     */
    entitlement: Type.Union([Type.Literal('universal'), Type.Literal('need-tested'), Type.Literal('closed-list')]),
    groups: Type.Array(ENTITLED_GROUP),
    /** By when a term's payment is due (MM-DD, in the term's own year); a missing payment is a finding from the day after. Null: from the term's start. */
    deadline: nullable(Type.Object({ autumn: monthDay, spring: monthDay }, closed)),
  },
  closed,
);
export type AidItem = Static<typeof AID_ITEM>;

/** A department's entitlement to learn who a finding is about, for one purpose (issue 20). */
export const REVEAL_GRANT = Type.Object(
  {
    /** Why the department may know the person, as the access log records it, e.g. `资助参保`. */
    purpose: Type.String({ minLength: 2, maxLength: 200 }),
  },
  closed,
);
export type RevealGrant = Static<typeof REVEAL_GRANT>;

/**
 * The policy choices the rules read, as versioned configuration: changing any of them is a new
 * version, which findings carry, so what-if runs of another policy are comparable and auditable.
 */
export const POLICY_SHAPE = Type.Object(
  {
    /** Semantic version of this rule set and policy; every finding carries it. */
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' }),
    /**
     * The first day the hub judges: a term, year or month that ended before it is not judged, since
     * the departments published no payments or enrolments from before it (their statuses may start
     * years earlier). Null: every period.
     */
    judgedFrom: nullable(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' })),
    terms: Type.Object({ autumn: term, spring: term }, closed),
    studentAid: Type.Object(
      {
        /** Civil Affairs categories that make a student eligible. */
        categories: strings,
        /** Rural Revitalisation monitoring types that make a student eligible. */
        monitoringTypes: strings,
        /** A certificate of the student counts; of a parent too, when this is set. */
        disabilityOfStudent: Type.Boolean(),
        disabilityOfParent: Type.Boolean(),
        /**
         * Which parent's certificate counts, when a parent's does: `any`, or `severe` (家庭经济困难残疾人子女:
         * a certificate in the care subsidy's scope, see `disabilitySubsidy`).
         */
        parentCertificates: Type.Union([Type.Literal('any'), Type.Literal('severe')]),
        /** School stages the aid covers. */
        stages: strings,
        /** The aid items of each stage and who is entitled to each (漏助 is judged per item, after its deadline). */
        items: Type.Array(AID_ITEM),
        /** A status counts for a term only if it holds on at least this many of the term's days (a status starting at the very end of a term does not). */
        minDaysInTerm: integer(1, 200),
      },
      closed,
    ),
    insurance: Type.Object(
      {
        /** Civil Affairs categories whose members must be insured (应保尽保). */
        categories: strings,
        /** Rural Revitalisation monitoring types whose members must be insured. */
        monitoringTypes: strings,
        insuranceType: Type.String(),
        /**
         * The premium subsidy (参保资助) due by status, highest tier first, or null not to check it:
         * `full` (全额资助) and `fixed` (定额资助) list household statuses as the spells name them
         * (`dibao`, `monitored:unstable-alleviated`, ...). A status in neither is not subsidised.
         */
        premiumSubsidy: nullable(Type.Object({ full: strings, fixed: strings }, closed)),
      },
      closed,
    ),
    disabilitySubsidy: Type.Object(
      {
        /** Certificate grades that call for the care subsidy, of every category (重度: 1 and 2). */
        careGrades: Type.Array(integer(1, 4)),
        /** Categories whose certificate holders of any grade are due the care subsidy (Ningxia: 智力, 精神). */
        careCategoriesOfEveryGrade: strings,
        /** Categories whose certificate holders are due the living subsidy. */
        livingCategories: strings,
        /** Household statuses that exclude both subsidies (Ningxia: 特困供养, whose support covers them). */
        excludedCategories: strings,
        /** Months after a certificate (or status) begins before a missing subsidy counts. */
        graceMonths: integer(0, 24),
        /** Whether a subsidy paid for a month it was not due (certificate ended or downgraded, status ended, excluded) is a finding (应退则退). */
        notDue: Type.Boolean(),
      },
      closed,
    ),
    /**
     * 控辍保学 (dropout-risk), or null not to check it: pupils of the followed groups in a stage they
     * must complete who are out of school in a term (辍学, 休学, 转出 with no 转入), or not enrolled for
     * the term after one they were in, once the grace days of its start have passed.
     */
    schooling: nullable(
      Type.Object(
        {
          /** Household statuses and monitoring types whose members are followed (as `eligibilityDuring` names them). */
          categories: strings,
          monitoringTypes: strings,
          /** Whether a pupil's own certificate makes them followed (残疾儿童少年 are a named focus group). */
          certificateHolders: Type.Boolean(),
          /** The stages a pupil must complete, with the last grade of each: a pupil in it in a spring term has completed it. */
          lastGrades: Type.Record(Type.String(), integer(1, 12)),
          /** Days from a term's start (or a leaving) before a pupil not back at school is a finding: 报到 and 学籍 entry take time. */
          graceDays: integer(0, 180),
          /**
           * The stage every child of school age must be in (适龄儿童少年), or null not to look for children
           * in no school: a followed child whose school entry year (derived by the gateway from the identity
           * number) puts them in one of its grades in a term, and whom no school has enrolled by then.
           */
          schoolAgeStage: nullable(Type.String({ minLength: 1 })),
        },
        closed,
      ),
    ),
    /**
     * 重度残疾人单人保 candidates (sole-dibao-candidate), or null not to check them: a certificate holder
     * in the care subsidy's scope, a member of a household of these categories, who holds no 低保.
     */
    soleDibao: nullable(Type.Object({ householdCategories: strings }, closed)),
    /**
     * 因病返贫致贫 early warning (medical-cost-risk), or null not to check it: a person whose self-paid
     * medical costs over `windowDays` pass `share` of the previous year's per-capita disposable income
     * (`incomeFenByYear`, the year's figure), and who holds none of the statuses listed (already
     * monitored or assisted).
     */
    medicalCost: nullable(
      Type.Object(
        {
          windowDays: integer(1, 1096),
          share: Type.Number({ exclusiveMinimum: 0, maximum: 10 }),
          incomeFenByYear: Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), integer(1)),
          categories: strings,
          monitoringTypes: strings,
        },
        closed,
      ),
    ),
    /**
     * 医疗救助 not applied (medical-assistance-missing), or null not to check it: a settlement of one
     * of these admissions, for a person holding a status of the tiers listed on its day, with at
     * least this much self-paid within the policy's scope and nothing paid by 医疗救助.
     */
    medicalAssistance: nullable(Type.Object({ categories: strings, monitoringTypes: strings, admissions: strings, minSelfPaidInScopeFen: integer(0) }, closed)),
    /** The cross-field checks of `data-quality` besides one person in two households. */
    dataQuality: Type.Object(
      {
        /** Household statuses a person cannot hold at once (特困 and 低保). */
        exclusiveCategories: Type.Array(Type.Array(Type.String({ minLength: 1 }), { minItems: 2 })),
        /** The school types (学校标识码's first two digits) each stage's schools may have; a stage not listed is not checked. */
        schoolTypes: Type.Record(Type.String(), Type.Array(Type.String({ pattern: '^[0-9]{2}$' }))),
        /**
         * Age vs stage, or null not to check it: where each stage's grade 1 sits among the years of
         * schooling (义务教育 grade 1 is the school entry year's autumn), and by how many years an
         * enrolment's grade may be ahead of, or behind, the one the pupil's school entry year gives.
         */
        gradeForAge: nullable(Type.Object({ firstGrade: Type.Record(Type.String(), integer(-5, 20)), ahead: integer(0, 10), behind: integer(0, 10) }, closed)),
      },
      closed,
    ),
    /**
     * Which rules let the department a finding is routed to learn the subject's identity number and
     * name, and for what: only where the department cannot act without it (an uninsured person has no
     * record at Healthcare Security to find them by). Other rules' findings reach the department in
     * its own record keys, or not at all.
     */
    reveal: Type.Partial(Type.Object(Object.fromEntries(RULE_FAMILIES.map((rule) => [rule, REVEAL_GRANT])) as Record<RuleFamily, typeof REVEAL_GRANT>, closed)),
  },
  closed,
);
export type Policy = Static<typeof POLICY_SHAPE>;
