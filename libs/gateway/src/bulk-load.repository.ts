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
  /** True when the gateway closed the load itself: the member had sent no record for the idle limit. */
  closedIdle?: boolean;
}

/** An open load with what the gateway last saw of its member's canonical topics, and when that last moved. */
export interface OpenBulkLoad extends BulkLoad {
  activity?: { at: string; offsets: PartitionOffset[] };
}

/** The members' bulk loads: the port `BulkLoads` uses; `PostgresBulkLoadRepository` keeps them. */
export interface BulkLoadRepository {
  add(load: BulkLoad): Promise<void>;
  get(member: string, loadId: string): Promise<BulkLoad | undefined>;
  /** Closes the load unless it is closed already; `idle` when the gateway closes it for the member. */
  markClosed(loadId: string, closedAt: string, watermarks: readonly PartitionOffset[], idle?: boolean): Promise<void>;
  /** Every member's open loads, with what was last seen of them. */
  openLoads(): Promise<OpenBulkLoad[]>;
  /** Notes where the member's topics ended when last looked at, and that they had moved then. */
  noteActivity(loadId: string, at: string, offsets: readonly PartitionOffset[]): Promise<void>;
  markJudged(loadId: string, judgedAt: string, givenUp: boolean): Promise<void>;
  /** The member's loads, newest first. */
  list(member: string, limit: number): Promise<BulkLoad[]>;
  /** Every member's loads, newest first: what operators watch. */
  recent(limit: number): Promise<BulkLoad[]>;
  openCount(member: string): Promise<number>;
}

export const BULK_LOAD_REPOSITORY = Symbol('BulkLoadRepository');
