import kafkajs from 'kafkajs';
import { HubError } from '@hub/errors';
import { compressRecords, decompressRecords, type CompressionCodec } from './record-codecs.js';
import { unreadableRecords } from './unreadable-records.js';

// Node's ESM loader does not see these among kafkajs's named exports (its index builds them from member expressions).
const { CompressionCodecs, CompressionTypes } = kafkajs;

const KAFKAJS_TYPES: [keyof typeof CompressionCodecs, CompressionCodec][] = [
  [CompressionTypes.GZIP, 'gzip'],
  [CompressionTypes.Snappy, 'snappy'],
  [CompressionTypes.LZ4, 'lz4'],
  [CompressionTypes.ZSTD, 'zstd'],
];

let registered = false;

/**
 * Gives every kafkajs client of this process all of Kafka's codecs (kafkajs itself has only gzip,
 * unbounded): a batch another client compressed with snappy, lz4 or zstd is read, and one that
 * cannot be inflated within the bound comes out as records marked unreadable, never as a fetch
 * that fails for good. Called by createKafkaClient; registering twice changes nothing.
 */
export function registerCompressionCodecs(): void {
  if (registered) return;
  registered = true;
  for (const [type, codec] of KAFKAJS_TYPES) {
    const implementation = {
      compress: async (encoder: { buffer: Buffer }) => compressRecords(codec, encoder.buffer),
      decompress: async (compressed: Buffer) => {
        try {
          return decompressRecords(codec, compressed);
        } catch (error) {
          if (error instanceof HubError) return unreadableRecords(compressed, error);
          throw error;
        }
      },
    };
    CompressionCodecs[type] = () => implementation;
  }
}
