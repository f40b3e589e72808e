import type { KeyObject } from 'node:crypto';
import { chainName, signCheckpoint, type ChainHead, type Checkpoint } from '@hub/audit-chain';
import type { AuditStore, Chain } from './audit-store.js';

/** Puts a seal's checkpoints where the database cannot reach them (the broker), durably, before they are stored. */
export type CheckpointPublisher = (checkpoints: readonly Checkpoint[]) => Promise<void>;

/**
 * Seals the chains this process appended to: every `intervalMs`, each chain whose head moved gets
 * a checkpoint signed with the audit key, published and then stored. Entries appended after the
 * last seal are still chained, but a removal from the end of the chain shows only once a
 * checkpoint covers them. Published first: a checkpoint in the store was always published too, and
 * one published but not stored (a crash between the two) seals entries the store already has.
 */
export class AuditSealer {
  private readonly unsealed = new Map<string, Chain & { head: ChainHead }>();
  private timer?: NodeJS.Timeout;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: AuditStore,
    private readonly signingKey: KeyObject,
    private readonly intervalMs: number,
    private readonly publish: CheckpointPublisher,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  noteHead(chain: Chain, head: ChainHead): void {
    this.unsealed.set(chainName(chain.topic, chain.partition), { topic: chain.topic, partition: chain.partition, head });
  }

  /** Seals every chain noted since the last seal; returns how many checkpoints were written. Seals run one at a time. */
  seal(): Promise<number> {
    const next = this.queue.then(() => this.sealNoted());
    // A failed seal is reported to its caller; the next one still runs, and seals what that one left.
    this.queue = next.catch((error: unknown) => error);
    return next;
  }

  private async sealNoted(): Promise<number> {
    const noted = [...this.unsealed.entries()];
    if (noted.length === 0) return 0;
    const sealedAt = this.clock().toISOString();
    const checkpoints = noted.map(([, { topic, partition, head }]) =>
      signCheckpoint({ topic, partition, lastOffset: head.lastOffset, entries: head.entries, headHash: head.hash, sealedAt }, this.signingKey),
    );
    await this.publish(checkpoints);
    for (const [i, [name, { head }]] of noted.entries()) {
      await this.store.addCheckpoint(checkpoints[i]);
      if (this.unsealed.get(name)?.head === head) this.unsealed.delete(name);
    }
    return noted.length;
  }

  start(onError: (error: unknown) => void): void {
    this.timer = setInterval(() => void this.seal().catch(onError), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and seals what is left, so a clean shutdown leaves every entry sealed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.seal();
  }
}
