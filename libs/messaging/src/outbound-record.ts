/** A record to publish. The key decides the partition, so one subject's records stay in order. */
export interface OutboundRecord {
  topic: string;
  key: string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}
