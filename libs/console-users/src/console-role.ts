import type { MemberRole } from '@hub/access';

/**
 * What a person does in the console (issue 24). Each user holds one role, so the duties a level-3
 * protection review (等保 2.0, 三员分立) keeps apart — administering security, auditing, and
 * changing the system (contracts, the catalogue) — are never one person's.
 */
export const CONSOLE_ROLES = ['department-officer', 'department-administrator', 'auditor', 'integration-engineer', 'data-steward', 'security-administrator'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** The console's users of the hub's own operators belong to this member: a name the member directory reserves for the hub, so no department can hold it. */
export const HUB_OPERATORS = 'hub';

export const CONSOLE_ROLE_NAMES: Readonly<Record<ConsoleRole, { zh: string; en: string }>> = {
  'department-officer': { zh: '部门经办人', en: 'department officer' },
  'department-administrator': { zh: '部门管理员', en: 'department administrator' },
  auditor: { zh: '审计员', en: 'auditor' },
  'integration-engineer': { zh: '接入工程师', en: 'integration engineer' },
  'data-steward': { zh: '数据管理员', en: 'data steward' },
  'security-administrator': { zh: '安全管理员', en: 'security administrator' },
};

/** The roles a user may hold under a member of each kind: a department's people work its findings, the audit office audits, the hub's operators run it. */
const ROLES_BY_MEMBER_ROLE: Readonly<Record<MemberRole | 'hub-operators', readonly ConsoleRole[]>> = {
  department: ['department-officer', 'department-administrator'],
  auditor: ['auditor'],
  'integration-engineer': ['integration-engineer'],
  'data-steward': ['data-steward'],
  'hub-operators': ['security-administrator'],
};

/** The roles open to the users of a member (its role in the directory; the hub's own operators have none there). */
export function rolesForMember(memberRole: MemberRole | 'hub-operators'): readonly ConsoleRole[] {
  return ROLES_BY_MEMBER_ROLE[memberRole];
}

/** Whose sign-in needs a second factor (TOTP): administrators and auditors. */
export function needsSecondFactor(role: ConsoleRole): boolean {
  return role === 'department-administrator' || role === 'security-administrator' || role === 'auditor';
}

export const isConsoleRole = (value: string): value is ConsoleRole => (CONSOLE_ROLES as readonly string[]).includes(value);
