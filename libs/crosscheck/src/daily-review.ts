import { Logger } from '@nestjs/common';
import type { CrosscheckEngine } from './crosscheck-engine.js';

/** How many persons are judged again in one transaction. */
const REVIEWED_AT_ONCE = 500;

/**
 * The crosscheck's pass over the persons whose review day has come (time alone may have changed
 * their findings: a term began, a subsidy month or an insurance year fell due), at start and every
 * `intervalMs`: a day in China passes at the same moment for every instance, each takes the
 * persons no other holds, and a pass cut short by a restart leaves them due for the next.
 */
export class DailyReview {
  private readonly logger = new Logger(DailyReview.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly engine: CrosscheckEngine,
    private readonly intervalMs: number,
  ) {}

  /** Judges every person due now; returns how many. A pass already running is waited for, not doubled. */
  run(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  start(): void {
    const run = () =>
      this.run().catch((error: unknown) => {
        this.logger.error({ err: error }, 'judging the persons whose review day has come failed; the next pass takes them');
      });
    void run();
    this.timer = setInterval(() => void run(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    // A failure of that pass was logged where it ran; stopping goes on.
    await this.running?.then(
      () => undefined,
      (error: unknown) => {
        this.logger.warn({ err: error }, 'the review pass running at shutdown failed');
      },
    );
  }

  private async pass(): Promise<number> {
    let [persons, changes] = [0, 0];
    for (;;) {
      const reviewed = await this.engine.reviewDue(REVIEWED_AT_ONCE);
      if (reviewed.persons === 0) break;
      persons += reviewed.persons;
      changes += reviewed.changes.length;
      this.logger.log(`review day come: ${persons} persons judged again so far (${changes} finding changes)`);
    }
    return persons;
  }
}
