/** One service as the operations page shows it. */
export interface ServiceHealth {
  service: string;
  url: string;
  status: 'up' | 'down' | 'unreachable';
  /** What its /health/ready answered (Terminus: each indicator's status), or why it could not be asked. */
  detail: unknown;
}
