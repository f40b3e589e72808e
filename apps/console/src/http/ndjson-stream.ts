import type { Response } from 'express';
import { HubError } from '@hub/errors';

/** How often, at most, a long operation reports its progress: often enough for a bar, seldom enough for a slow link. */
const PROGRESS_EVERY_MS = 200;

/**
 * Answers a long operation (verify, replay) as NDJSON: `{"progress": …}` lines while it works (at
 * most every 200 ms, the last one always), then `{"<result>": …}`, or `{"error": "…"}` when it
 * fails (the status is already 200 by then: the line says what went wrong).
 */
export async function streamNdjson<T>(response: Response, resultName: string, work: (progress: (value: unknown, final?: boolean) => void) => Promise<T>): Promise<void> {
  response.status(200).setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.flushHeaders();
  const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
  let last = 0;
  try {
    const result = await work((progress, final = false) => {
      const now = Date.now();
      if (!final && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      line({ progress });
    });
    line({ [resultName]: result });
  } catch (error) {
    line({ error: error instanceof HubError ? error.message : `操作失败 (failed): ${error instanceof Error ? error.message : String(error)}` });
    if (!(error instanceof HubError)) throw error;
  } finally {
    response.end();
  }
}
