import { ErrorCode, HubError } from '@hub/errors';

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** What is awaited, for the timeout message. */
  description: string;
  /** Stops waiting early with this error, e.g. when the process being waited for has died. */
  abortReason?: () => string | undefined;
}

/** Polls a probe until it returns a value other than undefined; never a fixed sleep. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted) throw new HubError(ErrorCode.LocalInfraFailed, `${options.description}: ${aborted}`);
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new HubError(ErrorCode.LocalInfraFailed, `timed out after ${options.timeoutMs} ms waiting for ${options.description}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
