import { decideReveal } from '@hub/access';
import { findIdentityNumbers } from '@hub/contracts';
import { ErrorCode, HubError } from '@hub/errors';
import { ACCESS_LOGGED, type AccessLog, type Member } from '@hub/members';
import type { FindingDelivery } from './finding-delivery.js';
import type { IdentityVault, RevealedIdentity } from './identity-vault.js';

/** What a reveal answers: who the finding is about, and under which grant. */
export interface FindingReveal extends RevealedIdentity {
  findingId: string;
  subject: string;
  purpose: string;
}

/**
 * POST /v1/findings/{findingId}/reveal (issue 20): the identity number and name behind one of the
 * member's open findings, where the policy grants it for the finding's rule. Every decision, with
 * the purposes, goes to the access log before anything is answered (and so into the finding's
 * lineage); a reveal that cannot be logged is not served.
 */
export class FindingReveals {
  // Only what the use case needs of each (its ports), so it is specified in milliseconds with stand-ins (finding-reveals.spec.ts).
  constructor(
    private readonly findings: Pick<FindingDelivery, 'find'>,
    private readonly vault: Pick<IdentityVault, 'reveal'>,
    private readonly accessLog: Pick<AccessLog, 'write'>,
  ) {}

  /** `user`: the person who asks, when a person does (the console), so the access log names them. */
  async reveal(member: Member, findingId: string, statedPurpose: unknown, user?: string): Promise<FindingReveal> {
    if (typeof statedPurpose !== 'string' || statedPurpose.trim().length < 2 || statedPurpose.length > 200) {
      throw new HubError(ErrorCode.BadRequest, 'state the purpose of the reveal: {"purpose": "<2 to 200 characters>"}, e.g. "资助参保"');
    }
    if (findIdentityNumbers(statedPurpose).length > 0) throw new HubError(ErrorCode.BadRequest, 'the purpose may not hold an identity number: it is written to the access log');
    const finding = /^[0-9a-f]{64}$/.test(findingId) ? await this.findings.find(member.id, findingId) : undefined;
    // Another member's finding is answered as one that does not exist, so ids cannot be probed.
    if (!finding) throw new HubError(ErrorCode.NotFound, `${member.id} has no finding ${findingId}`);
    const decided = decideReveal(member.id, member.role, { findingId, rule: finding.rule, state: finding.state, ...(finding.reveal ? { reveal: finding.reveal } : {}), statedPurpose });
    const decision = user === undefined ? decided : { ...decided, user };
    const log = (allowed: boolean) => this.accessLog.write(decision, 'http', allowed ? 1 : 0, [findingId], statedPurpose);
    if (!decision.allowed) {
      await log(false);
      throw new HubError(ErrorCode.Forbidden, `${member.id} may not learn who finding ${findingId} is about: ${decision.reason}`, { context: { [ACCESS_LOGGED]: true } });
    }
    const identity = await this.vault.reveal(finding.subject);
    if (!identity) throw new HubError(ErrorCode.NotFound, `the hub holds no identity for the subject of finding ${findingId} (no accepted record named the person)`);
    await log(true);
    return { findingId, subject: finding.subject, purpose: finding.reveal!.purpose, ...identity };
  }
}
