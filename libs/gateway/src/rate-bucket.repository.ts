import type { BucketOperation, RateDecision } from '@hub/access';

/**
 * The members' token buckets, shared by every gateway instance (issue 25: kept per process, two
 * gateways doubled each member's rate): applies an operation to a bucket atomically and says
 * whether it was allowed. The arithmetic is `applyToBucket` (pure); the PostgreSQL adapter is
 * `PostgresRateBucketRepository`.
 */
export interface RateBucketRepository {
  apply(bucket: string, perSecond: number, operation: BucketOperation): Promise<RateDecision>;
}

export const RATE_BUCKET_REPOSITORY = Symbol('RateBucketRepository');
