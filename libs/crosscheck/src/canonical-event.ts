import { fromKafkaBinary } from '@hub/contracts';
import type { InboundRecord } from '@hub/messaging';
import type { Evidence } from '@hub/precise-aid';

/** A canonical event as the engine takes it: its type, its (pseudonymised) data, and where it came from. */
export interface CanonicalEvent {
  type: string;
  data: Record<string, unknown>;
  evidence: Evidence;
}

/** A canonical topic's record as the engine takes it; the hub knew it from the broker's timestamp on. The live path and replay both read records this way. */
export function canonicalEventOf(record: InboundRecord): CanonicalEvent {
  const event = fromKafkaBinary(record);
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    evidence: { eventId: event.id, source: event.source, type: event.type, knownAt: knownAtOf(record.timestamp) },
  };
}

// The records of a produce batch share their timestamp: they share one text for it too (a replay keeps every one).
let lastTimestamp = '';
let lastKnownAt = '';

function knownAtOf(timestamp: string): string {
  if (timestamp !== lastTimestamp) {
    lastKnownAt = new Date(Number(timestamp)).toISOString();
    lastTimestamp = timestamp;
  }
  return lastKnownAt;
}
