import { bodyOf } from '../support/gateway-test-bed.js';

const ANSWER_WITHIN_MS = 30_000;
/** How long one batch is tried before the client gives up on it (a failure of the test). */
const GIVE_UP_AFTER_MS = 120_000;

export interface PublishedRecord {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A department's system as the fault suite plays it: it posts batches to the gateways it knows,
 * and when one cannot answer (no connection, or 503) it tries the next, waiting as Retry-After
 * says, until one takes the batch. It notes what was accepted, what was in flight, and every
 * answer a client must never get: a 500, or none within 30 s.
 */
export class RetryingPublisher {
  readonly accepted = new Set<string>();
  readonly failures: string[] = [];
  inFlight = 0;
  answered = 0;
  lastAnsweredAt = 0;

  constructor(
    private readonly urls: () => readonly string[],
    private readonly apiKey: string,
  ) {}

  async send(records: readonly PublishedRecord[], turn: number): Promise<void> {
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    for (let attempt = turn; Date.now() < giveUpAt; attempt++) {
      const urls = this.urls();
      const url = urls[attempt % urls.length];
      this.inFlight += records.length;
      const response = await fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(records),
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      }).catch((error: unknown) => (error instanceof Error && error.name === 'TimeoutError' ? ('hang' as const) : ('unreachable' as const)));
      this.inFlight -= records.length;
      if (response === 'hang') this.failures.push(`${url}: no answer within ${ANSWER_WITHIN_MS} ms`);
      if (typeof response === 'string') {
        await pause(200);
        continue;
      }
      if (response.status === 503) {
        await pause(Math.min(2_000, 1_000 * Number(response.headers.get('retry-after') ?? 1)));
        continue;
      }
      if (response.status >= 500) {
        this.failures.push(`${url}: ${response.status} ${await response.text()}`);
        continue;
      }
      const outcome = await bodyOf(response);
      for (const result of outcome.results as { id: string; status: string }[]) if (result.status === 'accepted' || result.status === 'duplicate') this.accepted.add(result.id);
      this.answered++;
      this.lastAnsweredAt = Date.now();
      return;
    }
    this.failures.push(`no gateway took the batch from ${records[0]?.id ?? '(empty)'} within ${GIVE_UP_AFTER_MS} ms`);
  }
}
