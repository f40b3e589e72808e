import { toKafkaBinary, type KafkaBinaryMessage } from './cloud-event.js';
import type { DepartmentRecords, EventType } from './generated/standard-contracts.js';

/** The hub's event type for a department's bulk load opened, closed, judged or given up (issue 25). */
export const BULK_LOAD_TYPE = 'hub.bulk-load.changed.v1' satisfies EventType;

/** A bulk load's change as hub.bulk-load.changed.v1 carries it. */
export type BulkLoadChange = DepartmentRecords[typeof BULK_LOAD_TYPE];

/**
 * The change as its CloudEvent in Kafka binary mode, on the contract's topic, keyed by the load so
 * that its changes stay in order. The gateway announces openings and closes, the crosscheck
 * judgements, each as its `source`; `id` is the event's own.
 */
export function bulkLoadRecord(change: BulkLoadChange, source: string, id: string): { topic: string } & KafkaBinaryMessage {
  const message = toKafkaBinary(
    {
      specversion: '1.0',
      id,
      source,
      type: BULK_LOAD_TYPE,
      time: change.judgedAt ?? change.closedAt ?? change.openedAt,
      subject: change.loadId,
      dataschema: 'urn:nx-hub:contract:hub.bulk-load.changed:v1',
      datacontenttype: 'application/json',
      data: change,
    },
    change.loadId,
  );
  return { topic: BULK_LOAD_TYPE, ...message };
}
