import { gunzipSync, gzipSync, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { ErrorCode, HubError } from '@hub/errors';

/** Kafka's compression codecs, by the number in a record batch's attributes (bits 0-2). */
export const CODEC_BY_ATTRIBUTE = { 1: 'gzip', 2: 'snappy', 3: 'lz4', 4: 'zstd' } as const;
export type CompressionCodec = (typeof CODEC_BY_ATTRIBUTE)[keyof typeof CODEC_BY_ATTRIBUTE];

/**
 * The most one record batch may inflate to. A batch is at most the topic's max.message.bytes
 * (1 MiB by default) compressed; JSON events compress perhaps twentyfold, so 64 MiB leaves room
 * while a decompression bomb (gzip and zstd reach a thousandfold) is refused before it costs memory.
 */
export const MAX_DECOMPRESSED_BATCH_BYTES = 64 * 2 ** 20;

/** Compresses a batch's records as a Kafka client of that codec would. */
export function compressRecords(codec: CompressionCodec, records: Buffer): Buffer {
  switch (codec) {
    case 'gzip':
      return gzipSync(records);
    case 'snappy':
      return snappyCompress(records);
    case 'lz4':
      return compressFrameSync(records);
    case 'zstd':
      return zstdCompressSync(records);
  }
}

/**
 * Inflates a batch's records, refusing (RECORD_UNREADABLE, not retryable) data that is not what
 * its codec says or that would inflate past `limitBytes`; the bound is checked before inflating
 * where the format declares sizes (snappy, lz4) and while inflating where it does not (gzip, zstd).
 */
export function decompressRecords(codec: CompressionCodec, compressed: Buffer, limitBytes = MAX_DECOMPRESSED_BATCH_BYTES): Buffer {
  try {
    switch (codec) {
      case 'gzip':
        return gunzipSync(compressed, { maxOutputLength: limitBytes });
      case 'zstd':
        return zstdDecompressSync(compressed, { maxOutputLength: limitBytes });
      case 'snappy':
        return inflateSnappy(compressed, limitBytes);
      case 'lz4':
        refuseAbove(lz4FrameBound(compressed), limitBytes);
        return decompressFrameSync(compressed);
    }
  } catch (error) {
    if (error instanceof HubError) throw error;
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new HubError(ErrorCode.RecordUnreadable, tooLarge ? `the ${codec} batch inflates past ${limitBytes} bytes` : `the ${codec} batch cannot be inflated: ${(error as Error).message}`, {
      context: { codec, compressedBytes: compressed.length },
      cause: error,
    });
  }
}

function refuseAbove(bytes: number, limitBytes: number): void {
  if (bytes > limitBytes) throw new HubError(ErrorCode.RecordUnreadable, `the batch declares ${bytes} bytes inflated, more than ${limitBytes}`, { context: { declaredBytes: bytes, limitBytes } });
}

function malformed(codec: CompressionCodec, what: string): HubError {
  return new HubError(ErrorCode.RecordUnreadable, `the ${codec} batch is malformed: ${what}`, { context: { codec } });
}

// The Java client writes snappy in xerial's stream format (this magic, a version, then chunks of
// a 4-byte length and raw snappy); librdkafka and others write raw snappy. Both are read.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

function inflateSnappy(compressed: Buffer, limitBytes: number): Buffer {
  if (!compressed.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    refuseAbove(snappyLength(compressed), limitBytes);
    return snappyUncompress(compressed) as Buffer;
  }
  const chunks: Buffer[] = [];
  for (let at = XERIAL_HEADER_BYTES; at < compressed.length;) {
    if (at + 4 > compressed.length) throw malformed('snappy', `a chunk length is cut at byte ${at}`);
    const end = at + 4 + compressed.readInt32BE(at);
    if (end > compressed.length || end < at + 4) throw malformed('snappy', `the chunk at byte ${at} runs past the end`);
    chunks.push(compressed.subarray(at + 4, end));
    at = end;
  }
  refuseAbove(
    chunks.reduce((sum, chunk) => sum + snappyLength(chunk), 0),
    limitBytes,
  );
  return Buffer.concat(chunks.map((chunk) => snappyUncompress(chunk) as Buffer));
}

/** Raw snappy starts with the inflated length as a varint. */
function snappyLength(raw: Buffer): number {
  let length = 0;
  for (let i = 0; i < 5 && i < raw.length; i++) {
    length += (raw[i] & 0x7f) * 2 ** (7 * i);
    if ((raw[i] & 0x80) === 0) return length;
  }
  throw malformed('snappy', 'no length at its start');
}

const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_MAX_BYTES: Record<number, number> = { 4: 64 * 2 ** 10, 5: 256 * 2 ** 10, 6: 2 ** 20, 7: 4 * 2 ** 20 };

/**
 * The most an LZ4 frame can inflate to, from its block headers alone: an uncompressed block is its
 * size, a compressed one at most the frame's block size. Kafka's LZ4 is the LZ4 frame format.
 */
function lz4FrameBound(frame: Buffer): number {
  if (frame.length < 7 || frame.readUInt32LE(0) !== LZ4_MAGIC) throw malformed('lz4', 'not an LZ4 frame');
  const flags = frame[4];
  const blockMax = LZ4_BLOCK_MAX_BYTES[(frame[5] >> 4) & 0x07];
  if (flags >> 6 !== 1 || blockMax === undefined) throw malformed('lz4', 'an unknown frame version or block size');
  const blockChecksum = (flags & 0x10) !== 0;
  let at = 6 + (flags & 0x08 ? 8 : 0) + (flags & 0x01 ? 4 : 0) + 1;
  let bound = 0;
  for (;;) {
    if (at + 4 > frame.length) throw malformed('lz4', `a block size is cut at byte ${at}`);
    const word = frame.readUInt32LE(at);
    if (word === 0) return bound;
    const size = word & 0x7fffffff;
    bound += word & 0x80000000 ? size : blockMax;
    at += 4 + size + (blockChecksum ? 4 : 0);
  }
}
