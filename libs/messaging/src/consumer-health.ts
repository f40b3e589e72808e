/** Where a consumer group of this process stands: readiness holds only while every one runs. */
export type ConsumerState = 'starting' | 'running' | 'crashed';

export interface ConsumerStatus {
  groupId: string;
  state: ConsumerState;
  /** When it came to this state (ISO 8601). */
  since: string;
  /** Why it is not running, for a crashed one. */
  reason?: string;
  /** When it is tried again, for a crashed one (ISO 8601). */
  restartAt?: string;
}

/**
 * The consumer groups of one process and their state: the Kafka transports report to it, the
 * readiness check reads it. One per process (`consumerHealth`), since transports are made before
 * the app's providers exist.
 */
export class ConsumerHealth {
  private readonly statuses = new Map<string, ConsumerStatus>();

  report(groupId: string, state: ConsumerState, details: { reason?: string; restartAt?: Date } = {}): void {
    this.statuses.set(groupId, {
      groupId,
      state,
      since: new Date().toISOString(),
      ...(details.reason === undefined ? {} : { reason: details.reason }),
      ...(details.restartAt === undefined ? {} : { restartAt: details.restartAt.toISOString() }),
    });
  }

  /** A group that was closed on purpose is no longer this process's concern. */
  forget(groupId: string): void {
    this.statuses.delete(groupId);
  }

  all(): ConsumerStatus[] {
    return [...this.statuses.values()];
  }

  notRunning(): ConsumerStatus[] {
    return this.all().filter((status) => status.state !== 'running');
  }
}

export const consumerHealth = new ConsumerHealth();
