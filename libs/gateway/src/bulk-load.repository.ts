import type { PartitionOffset } from '@hub/messaging';

/** A department's bulk load as the gateway keeps it. */
export interface BulkLoad {
  loadId: string;
  member: string;
  openedAt: string;
  closedAt?: string;
  /** At the close: where each partition of the member's canonical topics ended. */
  watermarks?: PartitionOffset[];
}

/** The members' bulk loads: the port `BulkLoads` uses; `PostgresBulkLoadRepository` keeps them. */
export interface BulkLoadRepository {
  add(load: BulkLoad): Promise<void>;
  get(member: string, loadId: string): Promise<BulkLoad | undefined>;
  markClosed(loadId: string, closedAt: string, watermarks: readonly PartitionOffset[]): Promise<void>;
  /** The member's loads, newest first. */
  list(member: string, limit: number): Promise<BulkLoad[]>;
  openCount(member: string): Promise<number>;
}

export const BULK_LOAD_REPOSITORY = Symbol('BulkLoadRepository');
