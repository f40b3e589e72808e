import { Ajv2020 } from 'ajv/dist/2020.js';
import { POLICY_1_0, POLICY_1_1, POLICY_1_2, POLICY_1_3, POLICY_2026, RULE_FAMILIES, type Policy } from '@hub/precise-aid';

const strings = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const monthDay = { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' } as const;
const term = { type: 'object', required: ['start', 'end'], additionalProperties: false, properties: { start: monthDay, end: monthDay } } as const;

/** The shape of a policy file: the Policy type as JSON Schema, every field required, nothing else allowed. */
const POLICY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'judgedFrom', 'terms', 'studentAid', 'insurance', 'disabilitySubsidy', 'schooling', 'soleDibao', 'medicalCost', 'medicalAssistance', 'dataQuality', 'reveal'],
  properties: {
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' },
    judgedFrom: { oneOf: [{ type: 'null' }, { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }] },
    terms: { type: 'object', additionalProperties: false, required: ['autumn', 'spring'], properties: { autumn: term, spring: term } },
    studentAid: {
      type: 'object',
      additionalProperties: false,
      required: ['categories', 'monitoringTypes', 'disabilityOfStudent', 'disabilityOfParent', 'parentCertificates', 'stages', 'items', 'minDaysInTerm'],
      properties: {
        categories: strings,
        monitoringTypes: strings,
        disabilityOfStudent: { type: 'boolean' },
        disabilityOfParent: { type: 'boolean' },
        parentCertificates: { enum: ['any', 'severe'] },
        stages: strings,
        items: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'stage', 'paidBy', 'entitlement', 'groups', 'deadline'],
            properties: {
              item: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,40}$' },
              name: { type: 'string', minLength: 1 },
              stage: { type: 'string', minLength: 1 },
              paidBy: strings,
              entitlement: { enum: ['universal', 'need-tested', 'closed-list'] },
              groups: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['bases'],
                  properties: {
                    bases: { oneOf: [strings, { enum: ['counted', 'anyone'] }] },
                    boarding: { type: 'boolean' },
                    rural: { type: 'boolean' },
                    counties: { type: 'array', items: { type: 'string', pattern: '^[1-8][0-9]{5}$' } },
                    kindergartens: strings,
                  },
                },
              },
              deadline: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['autumn', 'spring'], properties: { autumn: monthDay, spring: monthDay } }] },
            },
          },
        },
        minDaysInTerm: { type: 'integer', minimum: 1, maximum: 200 },
      },
    },
    insurance: {
      type: 'object',
      additionalProperties: false,
      required: ['categories', 'monitoringTypes', 'insuranceType', 'premiumSubsidy'],
      properties: {
        categories: strings,
        monitoringTypes: strings,
        insuranceType: { type: 'string' },
        premiumSubsidy: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['full', 'fixed'], properties: { full: strings, fixed: strings } }] },
      },
    },
    disabilitySubsidy: {
      type: 'object',
      additionalProperties: false,
      required: ['careGrades', 'careCategoriesOfEveryGrade', 'livingCategories', 'excludedCategories', 'graceMonths', 'notDue'],
      properties: {
        careGrades: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 4 } },
        careCategoriesOfEveryGrade: strings,
        livingCategories: strings,
        excludedCategories: strings,
        graceMonths: { type: 'integer', minimum: 0, maximum: 24 },
        notDue: { type: 'boolean' },
      },
    },
    schooling: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['categories', 'monitoringTypes', 'certificateHolders', 'lastGrades', 'graceDays', 'schoolAgeStage'],
          properties: {
            categories: strings,
            monitoringTypes: strings,
            certificateHolders: { type: 'boolean' },
            lastGrades: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 12 } },
            graceDays: { type: 'integer', minimum: 0, maximum: 180 },
            schoolAgeStage: { type: ['string', 'null'], minLength: 1 },
          },
        },
      ],
    },
    soleDibao: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: false, required: ['householdCategories'], properties: { householdCategories: strings } }] },
    medicalCost: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['windowDays', 'share', 'incomeFenByYear', 'categories', 'monitoringTypes'],
          properties: {
            windowDays: { type: 'integer', minimum: 1, maximum: 1096 },
            share: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
            incomeFenByYear: { type: 'object', propertyNames: { pattern: '^[0-9]{4}$' }, additionalProperties: { type: 'integer', minimum: 1 } },
            categories: strings,
            monitoringTypes: strings,
          },
        },
      ],
    },
    medicalAssistance: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['categories', 'monitoringTypes', 'admissions', 'minSelfPaidInScopeFen'],
          properties: { categories: strings, monitoringTypes: strings, admissions: strings, minSelfPaidInScopeFen: { type: 'integer', minimum: 0 } },
        },
      ],
    },
    dataQuality: {
      type: 'object',
      additionalProperties: false,
      required: ['exclusiveCategories', 'schoolTypes', 'gradeForAge'],
      properties: {
        exclusiveCategories: { type: 'array', items: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 2 } },
        schoolTypes: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', pattern: '^[0-9]{2}$' } } },
        gradeForAge: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['firstGrade', 'ahead', 'behind'],
              properties: {
                firstGrade: { type: 'object', additionalProperties: { type: 'integer', minimum: -5, maximum: 20 } },
                ahead: { type: 'integer', minimum: 0, maximum: 10 },
                behind: { type: 'integer', minimum: 0, maximum: 10 },
              },
            },
          ],
        },
      },
    },
    reveal: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        RULE_FAMILIES.map((rule) => [rule, { type: 'object', additionalProperties: false, required: ['purpose'], properties: { purpose: { type: 'string', minLength: 2, maxLength: 200 } } }]),
      ),
    },
  },
} as const;

const validatePolicy = new Ajv2020({ allErrors: true, strict: true }).compile(POLICY_SCHEMA);

/** The rule and policy versions the hub has run, by version, oldest first (finding ids carry the version). */
export const KNOWN_POLICIES: ReadonlyMap<string, Policy> = new Map([POLICY_1_0, POLICY_1_1, POLICY_1_2, POLICY_1_3, POLICY_2026].map((policy) => [policy.version, policy]));

export class PolicyDocumentError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a policy: ${problems.join('; ')}`);
    this.name = 'PolicyDocumentError';
  }
}

/** A policy from a JSON document (a what-if policy file), checked field by field. */
export function policyFromDocument(document: unknown, source: string): Policy {
  if (validatePolicy(document)) return document as Policy;
  throw new PolicyDocumentError(source, (validatePolicy.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`));
}
