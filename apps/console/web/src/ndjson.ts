import { ApiError } from './api.js';

/**
 * Reads a long operation's answer (verify, replay): NDJSON lines handed on one by one as they
 * arrive. A refusal before the stream (403, 503) is thrown as an ApiError with the server's message.
 */
export async function readNdjson(response: Response, onLine: (line: never) => void): Promise<void> {
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, ((await response.json()) as { message?: string }).message ?? `HTTP ${response.status}`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // Each caller says what its lines hold (its onLine's parameter type).
    for (const text of lines.filter(Boolean)) onLine(JSON.parse(text) as never);
  }
}
