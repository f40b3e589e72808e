import { AuditRetention, firstKeptPeriod } from './audit-retention.js';
import type { AuditPeriodKeys } from './audit-period-keys.js';

describe("the audit store's retention", () => {
  it('keeps the months of the last `months` full months and the current one', () => {
    expect(firstKeptPeriod(new Date('2026-12-06T06:00:00Z'), 24)).toBe('2024-12');
    expect(firstKeptPeriod(new Date('2026-03-31T23:59:59Z'), 6)).toBe('2025-09');
  });

  it('counts months in UTC, as the months are named', () => {
    expect(firstKeptPeriod(new Date('2027-01-01T00:00:00Z'), 6)).toBe('2026-07');
  });

  it('refuses a retention shorter than the six months the Cybersecurity Law (art. 21) asks of network logs', () => {
    const keys = {} as AuditPeriodKeys;
    expect(() => new AuditRetention(keys, 5)).toThrow('the audit store is kept at least 6 months, not 5');
  });

  it('destroys the keys of the months before the first one kept', async () => {
    const asked: string[] = [];
    const keys = { destroyBefore: async (period: string) => (asked.push(period), ['2024-10', '2024-11']) } as unknown as AuditPeriodKeys;
    await expect(new AuditRetention(keys, 24, () => new Date('2026-12-06T00:00:00Z')).sweep()).resolves.toEqual(['2024-10', '2024-11']);
    expect(asked).toEqual(['2024-12']);
  });
});
