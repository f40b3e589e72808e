import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ErrorCode, HubError } from '@hub/errors';
import { EnvelopeCipher, VersionedKeyRing } from '@hub/privacy';

/** The month an entry recorded at a moment is sealed under: `YYYY-MM`, UTC. */
export const periodOf = (moment: Date): string => moment.toISOString().slice(0, 7);

/** A month's key as the store lists it. */
export interface AuditPeriod {
  period: string;
  createdAt: string;
  /** When its key was destroyed (its entries expired); absent while they can be read. */
  destroyedAt?: string;
}

interface PeriodKeyRow {
  period: string;
  wrapped_key: string | null;
  created_at: Date;
  destroyed_at: Date | null;
}

const wrappingContext = (period: string) => `audit-period-key/${period}`;

/**
 * The keys the audit store's entries are sealed with, one per month of recording, each kept in the
 * store wrapped under the audit's own key ring (AUDIT_STORE_KEYS, apart from the gateway's). A
 * month's key is made by whichever audit instance first records in it; destroying it
 * (`destroyBefore`) is how personal data expires from a store that is otherwise append-only.
 */
export class AuditPeriodKeys {
  private readonly wrapping: EnvelopeCipher;
  /** Keys opened so far, by month (a destroyed key is not kept). */
  private readonly opened = new Map<string, EnvelopeCipher>();

  constructor(
    private readonly dataSource: DataSource,
    storeKeys: VersionedKeyRing,
  ) {
    this.wrapping = new EnvelopeCipher(storeKeys);
  }

  /** The cipher of the month a moment falls in, its key made now if no instance has made it yet. */
  async sealingCipher(moment: Date): Promise<{ period: string; cipher: EnvelopeCipher }> {
    const period = periodOf(moment);
    const known = this.opened.get(period);
    if (known) return { period, cipher: known };
    await this.dataSource.query('INSERT INTO audit_period_key (period, wrapped_key) VALUES ($1, $2) ON CONFLICT (period) DO NOTHING', [
      period,
      this.wrapping.seal(randomBytes(32).toString('base64'), wrappingContext(period)),
    ]);
    const cipher = (await this.openingCiphers([period])).get(period);
    if (!cipher) {
      throw new HubError(ErrorCode.ConfigInvalid, `the audit key of ${period}, the month being recorded, was destroyed: AUDIT_RETENTION_MONTHS must keep at least the current month`, {
        context: { period },
      });
    }
    return { period, cipher };
  }

  /** The ciphers of these months, by month; a month whose key was destroyed (or never made) is absent. */
  async openingCiphers(periods: readonly string[]): Promise<Map<string, EnvelopeCipher>> {
    const wanted = [...new Set(periods)].filter((period) => !this.opened.has(period));
    if (wanted.length > 0) {
      const rows: PeriodKeyRow[] = await this.dataSource.query('SELECT period, wrapped_key FROM audit_period_key WHERE period = ANY($1::varchar[]) AND wrapped_key IS NOT NULL', [wanted]);
      for (const row of rows) {
        const secret = Buffer.from(this.wrapping.open(row.wrapped_key!, wrappingContext(row.period)), 'base64');
        this.opened.set(row.period, new EnvelopeCipher(new VersionedKeyRing([{ version: 1, secret }])));
      }
    }
    return new Map(periods.flatMap((period) => (this.opened.has(period) ? [[period, this.opened.get(period)!] as const] : [])));
  }

  /** Destroys the keys of the months before `period` (exclusive) that are not destroyed yet; returns those months. */
  async destroyBefore(period: string): Promise<string[]> {
    // TypeORM answers an UPDATE with its rows and the count.
    const [rows]: [{ period: string }[], number] = await this.dataSource.query(
      'UPDATE audit_period_key SET wrapped_key = NULL, destroyed_at = now() WHERE period < $1 AND wrapped_key IS NOT NULL RETURNING period',
      [period],
    );
    for (const { period: destroyed } of rows) this.opened.delete(destroyed);
    return rows.map((row) => row.period).sort();
  }

  /** Every month's key, oldest first. */
  async periods(): Promise<AuditPeriod[]> {
    const rows: PeriodKeyRow[] = await this.dataSource.query('SELECT period, created_at, destroyed_at FROM audit_period_key ORDER BY period');
    return rows.map((row) => ({ period: row.period, createdAt: row.created_at.toISOString(), ...(row.destroyed_at ? { destroyedAt: row.destroyed_at.toISOString() } : {}) }));
  }
}
