import { Expose, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { HubEnvironment } from '@hub/config';
import { REGION_DAY } from '@hub/demo-region';
import { DEPARTMENT_IDS, type DepartmentId } from '@hub/departments';

/** A simulated department system's settings: which department, where the gateway is, its key, its share of a region. */
export class SimulatorEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'department-simulator';

  /** A department system reaches the hub through the gateway's HTTP API alone: no broker, no database. */
  static override readonly requiredInProduction = [];

  @Expose()
  @IsIn(DEPARTMENT_IDS)
  DEPARTMENT!: DepartmentId;

  @Expose()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  GATEWAY_URL = 'http://127.0.0.1:8080';

  /** The department's API key (secret; never echoed). */
  @Expose()
  @IsString()
  @MinLength(20)
  HUB_API_KEY!: string;

  /** Where `hub demo generate` wrote the region; the department publishes `<dir>/<department>.ndjson`. */
  @Expose()
  @IsString()
  REGION_DIR = '.hub/demo-region';

  /** Event types this department sends as CSV exports (comma-separated); the Disabled Persons' Federation exports CSV by default. */
  @Expose()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean)
      : value,
  )
  @IsOptional()
  @IsString({ each: true })
  CSV_TYPES?: string[];

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  PUBLISH_BATCH = 1000;

  /** How often it looks for new findings. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  FINDINGS_POLL_MS = 2000;

  /** The date its grants are dated (the demo region's day). */
  @Expose()
  @IsString()
  GRANTED_ON = REGION_DAY;
}

export const DEFAULT_CSV_TYPES: Record<string, string[]> = {
  disability: ['disability.certificate.changed.v1', 'disability.subsidy.granted.v1'],
};
