import type { HubError } from '@hub/errors';

/** The header that marks a record standing in for one that could not be read; its value says why. */
export const UNREADABLE_RECORD_HEADER = 'hub_unreadable';

/** At most this many stand-ins for one batch: more than a batch of 1 MiB can hold. */
const MAX_RECORDS_PER_BATCH = 1_000_000;

/**
 * Stand-ins for the records of a batch that cannot be inflated, in kafkajs's record encoding.
 *
 * kafkajs decodes a compressed batch's records right after its codec returns, expecting as many
 * as the batch header counts; a codec that throws fails the whole fetch, the consumer stops, and
 * a restarted one meets the same batch again. So instead the codec returns this many records, one
 * per offset, each with the reason in its `hub_unreadable` header: the transport dead-letters them
 * and the stream moves on. The first carries the compressed bytes as its value, so the dead letter
 * keeps what was sent. The count is read where kafkajs's decoder left it, in the 4 bytes before
 * the compressed records (its `readAll()` gives a view of the batch, not a copy); where it is not
 * there, the error is thrown as it was.
 */
export function unreadableRecords(compressed: Buffer, error: HubError): Buffer {
  const count = compressed.byteOffset >= 4 ? Buffer.from(compressed.buffer, compressed.byteOffset - 4, 4).readInt32BE(0) : 0;
  if (count < 1 || count > MAX_RECORDS_PER_BATCH) throw error;
  const reason = Buffer.from(error.message.slice(0, 1000), 'utf8');
  const records: Buffer[] = [];
  for (let i = 0; i < count; i++) records.push(encodeRecord(i, i === 0 ? compressed : null, reason));
  return Buffer.concat(records);
}

function encodeRecord(offsetDelta: number, value: Buffer | null, reason: Buffer): Buffer {
  const name = Buffer.from(UNREADABLE_RECORD_HEADER, 'latin1');
  const body = Buffer.concat([
    Buffer.from([0]), // attributes
    varint(0), // timestamp delta
    varint(offsetDelta),
    varint(-1), // no key
    ...(value === null ? [varint(-1)] : [varint(value.length), value]),
    varint(1), // one header
    varint(name.length),
    name,
    varint(reason.length),
    reason,
  ]);
  return Buffer.concat([varint(body.length), body]);
}

/** Kafka's signed varint: zigzag, then 7 bits a byte. */
function varint(value: number): Buffer {
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  const bytes: number[] = [];
  while (zigzag >= 0x80) {
    bytes.push((zigzag % 0x80) | 0x80);
    zigzag = Math.floor(zigzag / 0x80);
  }
  bytes.push(zigzag);
  return Buffer.from(bytes);
}
