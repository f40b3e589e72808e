import type { PartitionOffset } from '@hub/messaging';

/** A department's bulk load as the gateway keeps it. */
export interface BulkLoad {
  loadId: string;
  member: string;
  openedAt: string;
  closedAt?: string;
  /** At the close: where each partition of the member's canonical topics ended. */
  watermarks?: PartitionOffset[];
  /** When the crosscheck had judged every record of the load and announced the findings it held back. */
  judgedAt?: string;
  /** True when the crosscheck gave up holding for the load (held as long as it may) rather than judged it. */
  givenUp?: boolean;
}

/** The members' bulk loads: the port `BulkLoads` uses; `PostgresBulkLoadRepository` keeps them. */
export interface BulkLoadRepository {
  add(load: BulkLoad): Promise<void>;
  get(member: string, loadId: string): Promise<BulkLoad | undefined>;
  markClosed(loadId: string, closedAt: string, watermarks: readonly PartitionOffset[]): Promise<void>;
  markJudged(loadId: string, judgedAt: string, givenUp: boolean): Promise<void>;
  /** The member's loads, newest first. */
  list(member: string, limit: number): Promise<BulkLoad[]>;
  openCount(member: string): Promise<number>;
}

export const BULK_LOAD_REPOSITORY = Symbol('BulkLoadRepository');
