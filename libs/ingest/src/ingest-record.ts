/** One event as a department submits it, before the hub has checked anything. */
export interface IngestRecord {
  /** CloudEvents id, unique per source: the idempotency key. */
  id: string;
  /** The event type with its major version, which is also its topic, e.g. `education.student-aid.granted.v1`. */
  type: string;
  /** When it happened at the department (ISO 8601); the hub's clock when absent. */
  time?: string;
  data: unknown;
}

/** Why a record was refused: which field (JSON pointer into the record) and why. */
export interface Rejection {
  path: string;
  reason: string;
}
