import type { ConsoleAction } from '@hub/access';
import type { ConsoleRole } from './console-role.js';

/**
 * Who may do what. A department's people see only their member's findings; only the officer who
 * works them may reveal an identity; the auditor reads across members but changes nothing; the
 * engineers and stewards see the catalogue and evolve it (the registry deciding each change as for
 * their member), not residents' findings; the security administrator
 * runs the hub and reads the access log, and sees no finding (三员分立).
 */
const PERMISSIONS: Readonly<Record<ConsoleRole, readonly ConsoleAction[]>> = {
  'department-officer': ['read-own-findings', 'respond-to-finding', 'reveal-identity', 'read-catalogue'],
  'department-administrator': ['read-own-findings', 'respond-to-finding', 'read-catalogue'],
  auditor: ['search-all-findings', 'read-lineage', 'verify-audit', 'replay-log', 'read-access-log', 'read-catalogue'],
  'integration-engineer': ['read-catalogue', 'check-contract', 'register-contract', 'change-lifecycle'],
  'data-steward': ['read-catalogue', 'check-contract', 'register-contract', 'change-lifecycle'],
  'security-administrator': ['read-access-log', 'read-operations'],
};

export function mayDo(role: ConsoleRole, action: ConsoleAction): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Everything the role may do: the console shows only the pages these open. */
export function permissionsOf(role: ConsoleRole): readonly ConsoleAction[] {
  return PERMISSIONS[role];
}
