import type { AccessDecision } from '@hub/access';
import { ErrorCode, HubError } from '@hub/errors';
import type { Member } from '@hub/members';
import type { FindingDelivery } from './finding-delivery.js';
import { FindingReveals } from './finding-reveals.js';

const FINDING_ID = 'f'.repeat(64);
const healthcare: Member = { id: 'healthcare-security', displayName: '医保局', role: 'department', recordsPerSecond: 1000, maxRequestBytes: 1_000_000 };
type Found = NonNullable<Awaited<ReturnType<FindingDelivery['find']>>>;
const insuranceGap = { findingId: FINDING_ID, rule: 'insurance-gap', state: 'open', subject: 'p1.person.someone', reveal: { purpose: '资助参保' } } as Found;

/** The use case over stand-ins of its ports: the member's findings, the vault, and an access log that remembers what it was told. */
function reveals(found: Found | undefined, identity = { identityNumber: '640104201204150512', name: '马小军' }) {
  const logged: { allowed: boolean; purpose: string | undefined }[] = [];
  const useCase = new FindingReveals(
    { find: (member, id) => Promise.resolve(member === healthcare.id && id === FINDING_ID ? found : undefined) },
    { reveal: () => Promise.resolve(identity) },
    {
      write: (decision: AccessDecision, _channel, _count, _items, purpose) => {
        logged.push({ allowed: decision.allowed, purpose });
        return Promise.resolve();
      },
    },
  );
  return { useCase, logged };
}

const refusal = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HubError);
  return (error as HubError).code;
};

describe('revealing who a finding is about (issue 20)', () => {
  it('answers the identity for a granted rule and an open finding, and logs the reveal with its stated purpose', async () => {
    const { useCase, logged } = reveals(insuranceGap);
    expect(await useCase.reveal(healthcare, FINDING_ID, '资助参保：为其办理参保')).toEqual({
      findingId: FINDING_ID,
      subject: 'p1.person.someone',
      purpose: '资助参保',
      identityNumber: '640104201204150512',
      name: '马小军',
    });
    expect(logged).toEqual([{ allowed: true, purpose: '资助参保：为其办理参保' }]);
  });

  it('refuses a rule the policy grants no reveal for, and logs the refusal', async () => {
    const { useCase, logged } = reveals({ ...insuranceGap, rule: 'missed-student-aid', reveal: undefined });
    expect(await refusal(useCase.reveal(healthcare, FINDING_ID, '核实'))).toBe(ErrorCode.Forbidden);
    expect(logged).toEqual([{ allowed: false, purpose: '核实' }]);
  });

  it("answers another member's finding as one that does not exist, so ids cannot be probed, and logs nothing", async () => {
    const { useCase, logged } = reveals(insuranceGap);
    expect(await refusal(useCase.reveal({ ...healthcare, id: 'education' }, FINDING_ID, '资助参保'))).toBe(ErrorCode.NotFound);
    expect(logged).toEqual([]);
  });

  it('refuses a purpose that holds an identity number: the purpose is written to the access log', async () => {
    const { useCase } = reveals(insuranceGap);
    expect(await refusal(useCase.reveal(healthcare, FINDING_ID, '核实 640104201204150512'))).toBe(ErrorCode.BadRequest);
  });
});
