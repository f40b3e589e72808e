import { openMemberDirectory } from '@hub/members';
import { contractExample } from '../support/contract-examples.js';
import { eventually } from '../support/eventually.js';
import { asMember, bodyOf, standardContractStates, startGatewayTestBed, type GatewayTestBed } from '../support/gateway-test-bed.js';
import { uniqueName } from '../support/unique-name.js';

const AID = 'education.student-aid.granted.v1';
const SUBSIDY = 'disability.subsidy.granted.v1';
const aid = () => ({ id: uniqueName('aid'), type: AID, data: contractExample(AID) });

describe('gateway members, credentials and limits', () => {
  let bed: GatewayTestBed;
  const withoutSubsidy = standardContractStates().filter((s) => s.binding?.topic !== SUBSIDY);
  const subsidyContract = standardContractStates().find((s) => s.binding?.topic === SUBSIDY)!;

  beforeAll(async () => {
    bed = await startGatewayTestBed('gateway-members', {
      members: [
        { id: 'education', role: 'department' },
        { id: 'disability', role: 'department' },
        { id: 'rural-revitalisation', role: 'department', maxRequestBytes: 2048 },
        { id: 'healthcare-security', role: 'department', recordsPerSecond: 5 },
        { id: 'civil-affairs', role: 'department', recordsPerSecond: 5 },
      ],
      contracts: withoutSubsidy,
      env: { MAX_RECORDS_PER_REQUEST: '50' },
      // Two instances, as behind a balancer: the rate is the member's for the hub, not per instance.
      instances: 2,
    });
  });

  afterAll(async () => {
    await bed?.stop();
  });

  const withKey = (key: string | undefined) =>
    fetch(`${bed.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify([aid()]) });

  it('refuses a request without an API key with 401, its error named as the hub names the refusal everywhere (UNAUTHENTICATED)', async () => {
    const response = await withKey(undefined);
    expect(response.status).toBe(401);
    expect(await bodyOf(response)).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED', message: expect.stringMatching(/no credential was presented/) });
  });

  it('answers a path it does not serve 404 NOT_FOUND', async () => {
    const response = await fetch(`${bed.url}/v1/nothing-here`, { headers: { authorization: `Bearer ${bed.keys['education']}` } });
    expect(await bodyOf(response)).toMatchObject({ statusCode: 404, error: 'NOT_FOUND' });
  });

  it('refuses an unknown API key with 401', async () => {
    const response = await withKey('hub_AAAAAAAAAAAA_' + 'x'.repeat(43));
    expect(response.status).toBe(401);
  });

  it('keeps a rotated key working through its grace period and refuses it once revoked', async () => {
    const { members, close } = await openMemberDirectory(bed.database.url);
    try {
      const oldKey = bed.keys['education'];
      const newKey = await members.rotateKey('education', 3600);
      expect((await withKey(newKey.plaintext)).status).toBe(200);
      expect((await withKey(oldKey)).status).toBe(200);
      const oldKeyId = (await members.keys('education')).find((k) => k.keyId !== newKey.keyId)!;
      expect(oldKeyId.expiresAt).not.toBeNull();
      await members.revokeKey(oldKeyId.keyId);
      const refused = await withKey(oldKey);
      expect(refused.status).toBe(401);
      expect((await bodyOf(refused)).message).toMatch(/revoked/);
      bed.keys['education'] = newKey.plaintext;
    } finally {
      await close();
    }
  });

  it('refuses a key whose grace period has run out', async () => {
    const { members, close } = await openMemberDirectory(bed.database.url);
    try {
      const first = await members.issueKey('disability');
      await members.rotateKey('disability', 1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const refused = await withKey(first.plaintext);
      expect(refused.status).toBe(401);
      expect((await bodyOf(refused)).message).toMatch(/expired/);
    } finally {
      await close();
    }
  });

  it("refuses a body over the member's byte limit with 413", async () => {
    const response = await asMember(bed, 'rural-revitalisation').post('/v1/events', Array.from({ length: 20 }, aid));
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).message).toMatch(/2048 bytes/);
  });

  it('refuses more records than a request may hold with 413', async () => {
    const response = await asMember(bed, 'education').post('/v1/events', Array.from({ length: 51 }, aid));
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).message).toMatch(/more than 50 records; at most 50 are accepted at once \(maxRecords\)/);
  });

  it('holds a member to its rate with 429 and Retry-After', async () => {
    const member = asMember(bed, 'healthcare-security');
    const record = () => ({ id: uniqueName('ins'), type: 'healthcare-security.insurance-enrolment.recorded.v1', data: contractExample('healthcare-security.insurance-enrolment.recorded.v1') });
    expect((await member.post('/v1/events', Array.from({ length: 10 }, record))).status).toBe(200);
    const refused = await member.post('/v1/events', Array.from({ length: 10 }, record));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('holds a member to its rate across gateway instances: what it sent through one, the other counts', async () => {
    const [first, second] = bed.urls as [string, string];
    const type = 'civil-affairs.household-status.changed.v1';
    const send = (url: string) =>
      fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bed.keys['civil-affairs']}` },
        body: JSON.stringify(Array.from({ length: 10 }, () => ({ id: uniqueName('ca'), type, data: contractExample(type) }))),
      });
    expect((await send(first)).status).toBe(200);
    expect((await send(second)).status).toBe(429);
  });

  it('replays a rejected record once the contract it needed is registered', async () => {
    const disability = asMember(bed, 'disability');
    const { members, close } = await openMemberDirectory(bed.database.url);
    bed.keys['disability'] = (await members.issueKey('disability')).plaintext;
    await close();
    const first = await bodyOf(await disability.post('/v1/events', [{ id: uniqueName('subsidy'), type: SUBSIDY, data: contractExample(SUBSIDY) }]));
    expect(first.results[0]).toMatchObject({ status: 'rejected', code: 'unknown-type' });

    await bed.registerContract(subsidyContract);
    // The gateway follows the contracts topic: the replay succeeds once it has read the new contract.
    await eventually('the replayed record is accepted', async () => (await bodyOf(await disability.post(`/v1/rejections/${first.results[0].rejectionId}/replay`, ''))).accepted === 1);
    const listed = await bodyOf(await disability.get(`/v1/rejections?type=${SUBSIDY}`));
    expect(listed.items.find((r: { rejectionId: string }) => r.rejectionId === first.results[0].rejectionId).replayedAt).not.toBeNull();
  });

  it("lets a department list only its own rejections, and an auditor anyone's", async () => {
    const refused = await asMember(bed, 'education').get('/v1/rejections?member=disability');
    expect(refused.status).toBe(403);
    const { members, close } = await openMemberDirectory(bed.database.url);
    await members.add({ id: 'audit-office', role: 'auditor' });
    bed.keys['audit-office'] = (await members.issueKey('audit-office')).plaintext;
    await close();
    const audited = await asMember(bed, 'audit-office').get('/v1/rejections?member=disability');
    expect(audited.status).toBe(200);
    expect((await bodyOf(audited)).items.length).toBeGreaterThan(0);
  });
});
