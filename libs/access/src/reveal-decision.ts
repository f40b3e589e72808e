import type { AccessDecision } from './access-decision.js';
import type { MemberRole } from './member-role.js';

/** A request to learn who a finding is about: the finding as the gateway holds it for the member, and the purpose stated. */
export interface RevealRequest {
  findingId: string;
  rule: string;
  state: 'open' | 'closed';
  /** The grant the policy stamped on the finding, if its rule has one. */
  reveal?: { purpose: string };
  /** Why the member asks, in its own words; recorded with the decision. */
  statedPurpose: string;
}

/**
 * Entitled re-identification (issue 20): a member learns the identity behind a finding only if
 * the finding is routed to it (the caller looked it up among the member's own), is still open,
 * and its rule's policy grants a reveal, and only as a department; an auditor reads everything
 * else but never identities. The decision names the policy's purpose and the one stated.
 */
export function decideReveal(member: string, role: MemberRole, request: RevealRequest): AccessDecision {
  const decision = (allowed: boolean, reason: string): AccessDecision => ({ member, action: 'reveal-identity', resource: request.findingId, allowed, reason });
  if (role !== 'department') return decision(false, `a ${role} may not learn identities; only the department a finding is routed to may`);
  if (!request.reveal) return decision(false, `the policy grants no reveal for ${request.rule} findings`);
  if (request.state !== 'open') return decision(false, 'the finding is closed: an identity is revealed only while there is something to act on');
  return decision(true, `${request.rule} grants a reveal for "${request.reveal.purpose}"; stated purpose: "${request.statedPurpose}"`);
}
