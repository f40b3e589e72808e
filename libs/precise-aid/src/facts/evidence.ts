/**
 * The event a fact comes from, as a finding cites it: which event, from which department, of which
 * type, and when the hub knew it (its position in the log, for "what did the hub know at T").
 */
export interface Evidence {
  eventId: string;
  source: string;
  type: string;
  /** When the hub received the event (ISO date-time). */
  knownAt: string;
}
