import type { OutboundRecord } from './outbound-record.js';

/**
 * A produce request carries at most this many bytes of records, so no partition's record batch can
 * pass the broker's default `message.max.bytes` (1 MiB); a larger group goes out as several requests,
 * one after the other, in order.
 */
const MAX_BYTES_PER_REQUEST = 900_000;

/** A record with its final headers (the correlation id added). */
export type StampedRecord = OutboundRecord & { headers: Record<string, string> };

const bytes = (value: Buffer | string | null) => (value === null ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length);
const sizeOf = (record: StampedRecord) => bytes(record.key) + bytes(record.value) + Object.entries(record.headers).reduce((sum, [name, value]) => sum + bytes(name) + bytes(value) + 2, 0) + 20;

/** The records in consecutive requests of at most MAX_BYTES_PER_REQUEST (a single larger record goes alone). */
export function requestsOf(records: readonly StampedRecord[]): StampedRecord[][] {
  const requests: StampedRecord[][] = [];
  let current: StampedRecord[] = [];
  let total = 0;
  for (const record of records) {
    const size = sizeOf(record);
    if (current.length > 0 && total + size > MAX_BYTES_PER_REQUEST) {
      requests.push(current);
      current = [];
      total = 0;
    }
    current.push(record);
    total += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}
