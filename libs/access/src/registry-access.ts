import type { AccessDecision, RegistryAction } from './access-decision.js';
import type { Caller, MemberRole } from './member-role.js';

/** What a caller asks of the contract registry. */

/** A registration as the registry is about to store it: whose subject it is, whose the candidate says it is, what it governs. */
export interface RegistrationRequest {
  subject: string;
  /** The owner in the subject's latest version; undefined for a new subject or an unbound contract. */
  currentOwner: string | undefined;
  /** The owner the candidate names. */
  candidateOwner: string | undefined;
  /** The governed changes, in words (empty when there are none). */
  governed: string[];
}

/** The roles that may take each action regardless of ownership. */
const ROLES_FOR: Record<Exclude<RegistryAction, 'read-contracts'>, readonly MemberRole[]> = {
  'check-contract': ['integration-engineer', 'data-steward'],
  'register-contract': ['integration-engineer', 'data-steward'],
  'sample-check': ['integration-engineer', 'data-steward'],
  'change-lifecycle': ['integration-engineer', 'data-steward'],
  'change-compatibility': ['data-steward'],
  'delete-contract': ['data-steward'],
};

const article = (role: MemberRole) => (/^[aeiou]/.test(role) ? 'an' : 'a');

const decision = (caller: Caller, action: RegistryAction, resource: string, allowed: boolean, reason: string): AccessDecision => ({ member: caller.member, action, resource, allowed, reason });

/** Reads (contracts, versions, schemas, settings) are open to every authenticated member: the catalogue is public to the hub's members. */
export function decideRegistryRead(caller: Caller, resource: string): AccessDecision {
  return decision(caller, 'read-contracts', resource, true, 'every member may read the contract catalogue');
}

/**
 * An action on a subject other than registration: by role, except that a department may check
 * candidates for the subjects it owns (a dry run changes nothing).
 */
export function decideRegistryAction(caller: Caller, action: Exclude<RegistryAction, 'read-contracts' | 'register-contract'>, subject: string, owner?: string): AccessDecision {
  const roles = ROLES_FOR[action];
  if (roles.includes(caller.role)) return decision(caller, action, subject, true, `the ${caller.role} role may ${action}`);
  if (action === 'check-contract' && caller.role === 'department' && owner === caller.member) return decision(caller, action, subject, true, `${caller.member} owns ${subject}`);
  return decision(caller, action, subject, false, `${action} needs the ${roles.join(' or ')} role; ${caller.member} is ${article(caller.role)} ${caller.role}`);
}

/**
 * A registration: a department only of subjects it owns (and cannot give one away), an
 * integration engineer of any, and a governed change only by a data steward.
 */
export function decideRegistration(caller: Caller, request: RegistrationRequest): AccessDecision {
  const refuse = (reason: string) => decision(caller, 'register-contract', request.subject, false, reason);
  if (request.governed.length > 0 && caller.role !== 'data-steward') {
    return refuse(`a governed change needs the data-steward role (${request.governed.join('; ')})`);
  }
  if (ROLES_FOR['register-contract'].includes(caller.role)) return decision(caller, 'register-contract', request.subject, true, `the ${caller.role} role may register any contract`);
  if (caller.role !== 'department') return refuse(`registering contracts needs the department, integration-engineer or data-steward role; ${caller.member} is ${article(caller.role)} ${caller.role}`);
  const owner = request.currentOwner ?? request.candidateOwner;
  if (owner !== caller.member) return refuse(`${request.subject} belongs to ${owner ?? 'no department'}; ${caller.member} may register only its own contracts`);
  return decision(caller, 'register-contract', request.subject, true, `${caller.member} owns ${request.subject}`);
}

/**
 * Setting a subject's compatibility level. A data steward may set any; anyone who may register the
 * subject may also "set" the level already in force, which changes nothing: unmodified Confluent
 * clients do that on a subject's first registration (PUT /config/<subject> with BACKWARD).
 */
export function decideCompatibilityChange(caller: Caller, subject: string, change: { owner: string | undefined; unchanged: boolean }): AccessDecision {
  if (caller.role === 'data-steward') return decision(caller, 'change-compatibility', subject, true, 'the data-steward role may change compatibility');
  const mayRegister = caller.role === 'integration-engineer' || (caller.role === 'department' && change.owner === caller.member);
  if (change.unchanged && mayRegister) return decision(caller, 'change-compatibility', subject, true, 'the level asked for is already in force, so nothing changes');
  return decision(caller, 'change-compatibility', subject, false, `change-compatibility needs the data-steward role; ${caller.member} is ${article(caller.role)} ${caller.role}`);
}
