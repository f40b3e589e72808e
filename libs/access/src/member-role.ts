/**
 * What a member of the hub is, which decides what it may do:
 * - `department`: a department system; publishes the event types it owns, reads what is routed to it,
 *   reads every contract and evolves its own;
 * - `auditor`: reads everything (and is logged like everyone);
 * - `integration-engineer`: registers and evolves any department's contract, runs checks and sample
 *   checks, changes lifecycles;
 * - `data-steward`: answerable for the data catalogue; alone makes governed changes (a lowered
 *   classification, a changed owner, topic or sharing rule), changes compatibility settings and
 *   deletes contracts.
 */
export const MEMBER_ROLES = ['department', 'auditor', 'integration-engineer', 'data-steward'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Who is asking: the member id and its role, as the hub authenticated them. */
export interface Caller {
  member: string;
  role: MemberRole;
}
