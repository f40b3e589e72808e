import { pollUntil } from '@hub/local-infra';

/** Waits until the check passes (returns true), polling; fails with the description after the timeout. */
export async function eventually(description: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  await pollUntil(async () => ((await check()) ? true : undefined), { description, timeoutMs, intervalMs: 100 });
}
