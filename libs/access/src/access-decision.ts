import type { ConsoleAction } from './console-action.js';
import type { MemberRole } from './member-role.js';

/** What a member asks to do, and the hub's answer, as the access log records it. */
/** What a member may do with the contract registry (decided in registry-access.ts). */
export type RegistryAction = 'read-contracts' | 'check-contract' | 'register-contract' | 'sample-check' | 'change-lifecycle' | 'change-compatibility' | 'delete-contract';

export type AccessAction = 'authenticate' | 'publish' | ReadAction | RegistryAction | GatewayAction | 'administer-members' | 'administer-users' | 'console-sign-in' | ConsoleAction;

/**
 * The gateway's other actions: declaring and reading CSV mappings, replaying a rejection, opening,
 * closing and reading bulk loads, and `request` for a request refused before any of the others was
 * decided (a body too large, a rate exceeded).
 */
export type GatewayAction = 'map-csv' | 'read-csv-mappings' | 'replay-rejection' | 'reveal-identity' | 'open-bulk-load' | 'close-bulk-load' | 'read-bulk-loads' | 'request';

/** The gateway's reads of what is routed to a member (answering a finding counts as one). */
export type ReadAction = 'respond' | 'read-findings' | 'read-rejections' | 'read-facts' | 'read-fact-reads';

export interface AccessDecision {
  member: string;
  /** The person, for what a person did in the console (their user name); a member's system has none. */
  user?: string;
  action: AccessAction;
  resource: string;
  allowed: boolean;
  reason: string;
}

/** A member may publish only the event types its department owns. */
export function decidePublish(member: string, eventType: string, owner: string | undefined): AccessDecision {
  if (owner === undefined) return { member, action: 'publish', resource: eventType, allowed: false, reason: `no contract is registered for ${eventType}` };
  const allowed = owner === member;
  return { member, action: 'publish', resource: eventType, allowed, reason: allowed ? `${member} owns ${eventType}` : `${eventType} belongs to ${owner}` };
}

/**
 * A member reads only what is routed to it; auditors read everything (and are logged like
 * everyone). Who read whose facts (`read-fact-reads`) is for auditors alone.
 */
export function decideRead(member: string, role: MemberRole, action: ReadAction, routedTo: string): AccessDecision {
  if (action === 'read-fact-reads' && role !== 'auditor') return { member, action, resource: routedTo, allowed: false, reason: 'only auditors may read who read whose facts' };
  const allowed = role === 'auditor' || routedTo === member;
  return {
    member,
    action,
    resource: routedTo,
    allowed,
    reason: role === 'auditor' ? 'auditors may read everything' : allowed ? `routed to ${member}` : `routed to ${routedTo}, not ${member}`,
  };
}
