import type { DataSource } from 'typeorm';
import { applyToBucket, BURST_SECONDS, type BucketOperation, type RateDecision } from '@hub/access';
import type { RateBucketRepository } from './rate-bucket.repository.js';

const CREATE_IF_MISSING = 'INSERT INTO gateway_rate_bucket (bucket, tokens, updated_at) VALUES ($1, $2, clock_timestamp()) ON CONFLICT (bucket) DO NOTHING';

/** The database's clock, not the gateway's: every instance counts time alike. */
const LOCK = 'SELECT tokens, updated_at, clock_timestamp() AS now FROM gateway_rate_bucket WHERE bucket = $1 FOR UPDATE';

const SAVE = 'UPDATE gateway_rate_bucket SET tokens = $2, updated_at = $3 WHERE bucket = $1';

interface BucketRow {
  /** double precision: pg reads it as a number. */
  tokens: number;
  updated_at: Date;
  now: Date;
}

/** The buckets in the hub's PostgreSQL (gateway_rate_bucket): one row per bucket, locked while it is read and written back. */
export class PostgresRateBucketRepository implements RateBucketRepository {
  constructor(private readonly dataSource: DataSource) {}

  apply(bucket: string, perSecond: number, operation: BucketOperation): Promise<RateDecision> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(CREATE_IF_MISSING, [bucket, perSecond * BURST_SECONDS]);
      const [row] = await manager.query<[BucketRow]>(LOCK, [bucket]);
      const next = applyToBucket({ tokens: row.tokens, updatedAt: row.updated_at.getTime() }, perSecond, operation, row.now.getTime());
      await manager.query(SAVE, [bucket, next.bucket.tokens, new Date(next.bucket.updatedAt)]);
      return next.decision;
    });
  }
}
