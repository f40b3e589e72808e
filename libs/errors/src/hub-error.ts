import { ErrorCode } from './error-code.js';

export interface HubErrorOptions {
  /** Whether trying the same work again may succeed (a transient fault, not bad input). */
  canRetry?: boolean;
  /** Facts that locate the failure: which record, field, topic, setting. Never personal data. */
  context?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error base of the hub: a stable code, whether a retry can help, and where it happened. */
export class HubError extends Error {
  readonly code: ErrorCode;
  readonly canRetry: boolean;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: HubErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.canRetry = options.canRetry ?? false;
    this.context = options.context ?? {};
  }

  /** Wraps anything thrown into a HubError; unknown faults count as retryable, since most are transient. */
  static from(error: unknown, fallback: ErrorCode = ErrorCode.HandlerFailed): HubError {
    if (error instanceof HubError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new HubError(fallback, message, { canRetry: true, cause: error });
  }
}
