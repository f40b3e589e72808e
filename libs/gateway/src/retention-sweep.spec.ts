import type { RetentionRepository } from './retention.repository.js';
import { RetentionSweep } from './retention-sweep.js';

/** A repository that records the day each kind was swept before, and answers with set counts. */
function recordingRepository(): RetentionRepository & { days: Record<string, string> } {
  const days: Record<string, string> = {};
  const sweep = (kind: string, count: number) => (day: Date) => {
    days[kind] = day.toISOString();
    return Promise.resolve(count);
  };
  return { days, deleteRejectionsBefore: sweep('rejections', 3), deleteIdentitiesBefore: sweep('identities', 2), deleteRecordKeysBefore: sweep('recordKeys', 1) };
}

describe("the gateway's retention sweep", () => {
  const now = new Date('2026-12-06T00:00:00Z');

  it('sweeps each kind of personal data before its own day: rejections 180 days, the vault 365, record keys 730', async () => {
    const repository = recordingRepository();
    await new RetentionSweep(repository, { rejectionDays: 180, identityVaultDays: 365, recordKeyDays: 730 }).run(now);
    expect(repository.days).toEqual({ rejections: '2026-06-09T00:00:00.000Z', identities: '2025-12-06T00:00:00.000Z', recordKeys: '2024-12-06T00:00:00.000Z' });
  });

  it('says how many of each went', async () => {
    expect(await new RetentionSweep(recordingRepository(), { rejectionDays: 1, identityVaultDays: 1, recordKeyDays: 1 }).run(now)).toEqual({ rejections: 3, identities: 2, recordKeys: 1 });
  });
});
