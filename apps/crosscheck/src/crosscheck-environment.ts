import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { HubEnvironment } from '@hub/config';

/** The cross-check's settings: the hub's common ones and its own. */
export class CrosscheckEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'crosscheck';
  /** Where its health is served (`/health/ready` names a consumer that is not running). */
  override HTTP_PORT = 8084;

  /** How long a newly raised finding waits before it is announced; closed within it, it never is. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  FINDING_SETTLE_MS = 10_000;

  /**
   * How many partitions' batches the consumer hands over at once; they are folded as one batch
   * (one transaction), never in parallel. 64 covers every canonical partition of a fetch.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024)
  CONSUMER_PARTITIONS_AT_ONCE = 64;

  /**
   * How often the persons whose review day has come are judged again (time alone may change their
   * findings: a term begins, a subsidy month or an insurance year falls due); also once at start.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  REVIEW_INTERVAL_MS = 3_600_000;

  /**
   * How long a department's bulk load may hold raised findings back, from its opening, before they
   * go out all the same (a load never closed, say): 2 hours, twice the longest load of the whole
   * region measured (55 minutes), and short enough that a department system that fails mid-load
   * does not silence the hub for a day.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_080)
  BULK_LOAD_MAX_HOLD_MINUTES = 120;

  /**
   * The day findings are judged as of (YYYY-MM-DD): terms and months after it are not judged yet,
   * open statuses hold until it. Unset: today in China. Set for tests and reproducible runs.
   */
  @Expose()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'EVALUATION_DATE must be a date, YYYY-MM-DD' })
  EVALUATION_DATE?: string;
}

/** The crosscheck's consumer group: its instances share the canonical topics' partitions in it. */
export const crosscheckConsumerGroup = (env: CrosscheckEnvironment): string => env.SERVICE_NAME;
