import type { Request } from 'express';
import { ErrorCode, HubError } from '@hub/errors';

const tooLarge = (limit: number) =>
  new HubError(ErrorCode.PayloadTooLarge, `the request body is larger than this member's limit of ${limit} bytes; split the batch`, { context: { limitBytes: limit } });

/**
 * Reads a request body as UTF-8 text, refusing it (413) as soon as it passes the limit. The gateway
 * reads bodies itself, after authentication, so each member's own limit applies.
 */
export async function readRequestBody(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a small JSON body (a mapping, a response); 400 naming what was expected when it is not JSON. */
export async function readJsonBody(request: Request, limitBytes: number, what: string): Promise<unknown> {
  const text = await readRequestBody(request, limitBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HubError(ErrorCode.BadRequest, `the ${what} is not JSON: ${(error as Error).message}`);
  }
}
