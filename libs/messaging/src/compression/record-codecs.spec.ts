import { compressSync as snappyCompress } from 'snappy';
import { HubError } from '@hub/errors';
import { compressRecords, decompressRecords, type CompressionCodec } from './record-codecs.js';

const CODECS: CompressionCodec[] = ['gzip', 'snappy', 'lz4', 'zstd'];
const events = Buffer.from(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `edu-${i}`, term: '2026-autumn', amountFen: 62500 + i })).join('\n'));

function refusal(run: () => unknown): HubError {
  try {
    run();
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the record codecs (Kafka compression: gzip, snappy, lz4, zstd)', () => {
  it.each(CODECS)('inflates what %s compressed, byte for byte', (codec) => {
    expect(decompressRecords(codec, compressRecords(codec, events)).equals(events)).toBe(true);
  });

  it('reads snappy in the xerial stream format the Java client writes (magic, version, then length-prefixed chunks)', () => {
    const halves = [events.subarray(0, 30_000), events.subarray(30_000)];
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const chunks = halves.flatMap((half) => {
      const raw = snappyCompress(half);
      const length = Buffer.alloc(4);
      length.writeInt32BE(raw.length);
      return [length, raw];
    });

    expect(decompressRecords('snappy', Buffer.concat([header, ...chunks])).equals(events)).toBe(true);
  });

  it.each(CODECS)('refuses a %s batch that would inflate past the bound, as unreadable and not worth retrying', (codec) => {
    const bomb = compressRecords(codec, Buffer.alloc(4 * 2 ** 20));

    const error = refusal(() => decompressRecords(codec, bomb, 2 ** 20));
    expect(error).toMatchObject({ code: 'RECORD_UNREADABLE', canRetry: false });
    expect(error.message).toMatch(/inflates past 1048576 bytes|declares \d+ bytes inflated, more than 1048576/);
  });

  it.each(CODECS)('refuses bytes that are not %s, naming the codec', (codec) => {
    const error = refusal(() => decompressRecords(codec, Buffer.from('plain text, not compressed by anything. '.repeat(8))));
    expect(error).toMatchObject({ code: 'RECORD_UNREADABLE', canRetry: false });
    expect(error.message).toContain(codec);
  });
});
