import { Expose, Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Max, Min } from 'class-validator';
import { FindingWorkEnvironment } from '@hub/gateway';

/** The gateway's settings: the hub's common ones and its own. */
export class GatewayEnvironment extends FindingWorkEnvironment {
  override SERVICE_NAME = 'gateway';

  /** The crosscheck's public key (PEM): finding changes it did not sign are refused to the dead-letter topic. Unset: not checked. */
  @Expose()
  @IsOptional()
  @IsString()
  FINDINGS_PUBLIC_KEY_FILE?: string;

  /** Partitions of a canonical topic the gateway creates when it first publishes to it. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  CANONICAL_TOPIC_PARTITIONS = 6;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_RECORDS_PER_REQUEST = 10_000;

  /**
   * How many shared facts a member may be served per second (bursts of two seconds' worth), per
   * gateway process: reading facts is how a look-up through a made-up record would be done, so it
   * is bounded as well as logged (issue 20).
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  FACTS_PER_SECOND = 100;

  /**
   * Minutes a member's open bulk load may go without a record on its canonical topics before the
   * gateway closes it for the member (0: never). A department system that fails mid-load would
   * otherwise hold the hub's new findings back until the crosscheck's BULK_LOAD_MAX_HOLD_MINUTES.
   */
  @Expose()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1440)
  BULK_LOAD_IDLE_MINUTES = 30;

  /** Days a rejected record (sealed) is kept for its member to list and replay; then it is deleted. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  REJECTION_RETENTION_DAYS = 180;

  /** Days a resident stays in the identity vault after the last record that named them, unless an open finding is about them. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  IDENTITY_VAULT_RETENTION_DAYS = 365;

  /** Days a member's own identifiers of a person (sealed record keys) are kept after its last record naming the person, unless a finding about them routed to it is open. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  RECORD_KEY_RETENTION_DAYS = 730;
}

/** The gateway's consumer group: every instance of one gateway reads the members' inbound topics, the findings and the shared facts in it. */
export const gatewayConsumerGroup = (env: GatewayEnvironment): string => `${env.SERVICE_NAME}.consumer`;
