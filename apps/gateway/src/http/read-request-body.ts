import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Request } from 'express';
import { ErrorCode, HubError } from '@hub/errors';
import { SubmissionError } from '@hub/ingest';

const tooLarge = (limit: number, inflated: boolean) =>
  new HubError(ErrorCode.PayloadTooLarge, `the request body ${inflated ? 'inflates to more than' : 'is larger than'} this member's limit of ${limit} bytes; split the batch`, {
    context: { limitBytes: limit },
  });

/**
 * The request body as it arrives, inflated when it was sent with `Content-Encoding: gzip`, refused
 * (413) as soon as the bytes sent or the bytes inflated pass the limit: a decompression bomb costs
 * no more than the limit. Another encoding is refused (415) before anything is read. The gateway
 * reads bodies itself, after authentication, so each member's own limit applies.
 */
export async function* requestBodyChunks(request: Request, limitBytes: number): AsyncGenerator<Buffer> {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding)) {
    throw new HubError(ErrorCode.UnsupportedMediaType, `Content-Encoding ${encoding} is not one the gateway reads: gzip, or none`);
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes, false);
  let sent = 0;
  const counted = async function* (): AsyncGenerator<Buffer> {
    // Stopping early (a limit, a bad record) must neither destroy the socket before the answer is
    // written nor leave the rest of the body unread on a kept-alive connection: it is discarded
    // (a 413 closes the connection after the answer instead).
    try {
      for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        sent += chunk.length;
        if (sent > limitBytes) throw tooLarge(limitBytes, false);
        yield chunk;
      }
    } finally {
      if (!request.readableEnded) request.resume();
    }
  };
  if (encoding === 'identity') {
    yield* counted();
    return;
  }
  const gunzip = createGunzip();
  // pipeline ends the body's reading when the inflating stops, early or not; its errors reach the loop below through gunzip.
  pipeline(Readable.from(counted()), gunzip).catch((error: unknown) => gunzip.destroy(error instanceof Error ? error : new Error(String(error))));
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limitBytes) throw tooLarge(limitBytes, true);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof HubError) throw error;
    throw new SubmissionError(`the body is not gzip, as its Content-Encoding says: ${(error as Error).message}`);
  } finally {
    gunzip.destroy();
  }
}

/** Text of a UTF-8 body as it arrives; bytes that are not UTF-8 refuse the request (400). */
export async function* utf8Text(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new SubmissionError('the body is not valid UTF-8');
    throw error;
  }
}

/** The whole body, within the limit. */
export async function readRequestBytes(request: Request, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of requestBodyChunks(request, limitBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads a small JSON body (a mapping, a response); 400 naming what was expected when it is not JSON. */
export async function readJsonBody(request: Request, limitBytes: number, what: string): Promise<unknown> {
  const text = (await readRequestBytes(request, limitBytes)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HubError(ErrorCode.BadRequest, `the ${what} is not JSON: ${(error as Error).message}`);
  }
}
