import 'reflect-metadata';
import { Expose, Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsInt, IsIP, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { KafkaPrincipalEnvironment } from './kafka-principal-environment.js';

const splitList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The settings every hub process reads from its environment. Defaults suit one machine
 * (`npm start`); in production the addresses of Kafka and PostgreSQL must be given.
 * Apps with more settings extend this class; the broker principal's settings are its base's.
 */
export class HubEnvironment extends KafkaPrincipalEnvironment {
  @Expose()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Names the process in every log line and as the Kafka client id prefix. */
  @Expose()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/, { message: 'SERVICE_NAME must be lower-case letters, digits and dashes' })
  SERVICE_NAME = 'hub';

  @Expose()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** json for machines, pretty for people; unset means pretty in development, json otherwise. */
  @Expose()
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  @Expose()
  @IsIP()
  HTTP_HOST = '127.0.0.1';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 8080;

  @Expose()
  @Transform(splitList)
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS must list at least one host:port' })
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS entries must be host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /**
   * The service's Ed25519 private key (PKCS#8 PEM) for what it publishes for others to trust: the
   * crosscheck's finding changes, the registry's contract changes. Unset: published unsigned.
   */
  @Expose()
  @IsOptional()
  @IsString()
  SIGNING_KEY_FILE?: string;

  @Expose()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL = 'postgres://hub:hub@127.0.0.1:5432/hub';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** How many times a consumer tries a record before it goes to the dead-letter topic. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  CONSUMER_MAX_ATTEMPTS = 3;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  CONSUMER_RETRY_INITIAL_MS = 200;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  CONSUMER_RETRY_MAX_MS = 5000;

  /**
   * How long a consumer group waits for a silent member (a crashed process) before giving its
   * partitions to the others. The broker accepts 6 s to 30 min (group.min/max.session.timeout.ms).
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(1_800_000)
  CONSUMER_SESSION_TIMEOUT_MS = 30_000;

  @Expose()
  @IsString()
  DEAD_LETTER_TOPIC = 'hub.deadletter';

  /** Where the crosscheck publishes finding changes and the gateway reads them. */
  @Expose()
  @IsString()
  FINDINGS_TOPIC = 'hub.finding.changed.v1';

  /**
   * Settings whose local default would be wrong in production: there they must be set explicitly.
   * A process that uses neither the broker nor the database (a simulated department system) names none.
   */
  static readonly requiredInProduction: ReadonlyArray<keyof HubEnvironment> = ['KAFKA_BROKERS', 'DATABASE_URL'];
}
