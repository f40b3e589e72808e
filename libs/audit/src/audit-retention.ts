import type { AuditPeriodKeys } from './audit-period-keys.js';
import { periodOf } from './audit-period-keys.js';

/** The shortest retention the audit store accepts: the Cybersecurity Law (art. 21) asks network logs to be kept at least six months. */
export const MINIMUM_AUDIT_RETENTION_MONTHS = 6;

/** The first month still kept `months` after a moment: every month before it has been kept that long in full. */
export function firstKeptPeriod(now: Date, months: number): string {
  const kept = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  return periodOf(kept);
}

/**
 * Expiry of the audit store (crypto-shredding): the key of each month whose entries have been
 * kept `months` full months is destroyed, so they can no longer be read, while their hashes, the
 * chains and the checkpoints stay and still verify. Runs at start and then every `intervalMs`.
 */
export class AuditRetention {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly keys: AuditPeriodKeys,
    private readonly months: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (!Number.isInteger(months) || months < MINIMUM_AUDIT_RETENTION_MONTHS) throw new RangeError(`the audit store is kept at least ${MINIMUM_AUDIT_RETENTION_MONTHS} months, not ${months}`);
  }

  /** Destroys the keys of the months past retention; returns those months. */
  sweep(): Promise<string[]> {
    return this.keys.destroyBefore(firstKeptPeriod(this.clock(), this.months));
  }

  start(onSwept: (destroyed: string[]) => void, onError: (error: unknown) => void, intervalMs = 3_600_000): void {
    const run = () => this.sweep().then(onSwept, onError);
    void run();
    this.timer = setInterval(() => void run(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
