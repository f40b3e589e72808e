/** The gateway refused a request or could not be reached; `status` is the HTTP status (0: no answer). */
export class HubClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** Seconds the gateway asked to wait before trying again (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HubClientError';
  }

  /** Whether the same request may succeed later (rate limit, the hub's broker briefly away). */
  get canRetry(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 503;
  }
}
