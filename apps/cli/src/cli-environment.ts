import 'reflect-metadata';
import { Expose } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { KafkaPrincipalEnvironment } from '@hub/config';
import { localHubFile } from './local-hub-file.js';

const URL_PATTERN = /^https?:\/\/[^\s]+$/;

/**
 * The settings the `hub` command reads from its environment, read and checked once by the same
 * loader as the services' (loadConfig); each is the default of a command's option, which wins.
 * Defaults suit the local hub of `npm start`. The principal it reads Kafka as (audit verify,
 * replay) is its base's settings; unset, the local hub's auditors' principal, if any.
 */
export class CliEnvironment extends KafkaPrincipalEnvironment {
  /** PostgreSQL for the commands that read or administer the database; unset: the local hub's role URLs (.hub/database-urls.json). */
  @Expose()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @Expose()
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, { message: 'KAFKA_BROKERS must be host:port, comma-separated' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** The broker administrator's settings, for `hub members` to give a department its Kafka principal. */
  @Expose()
  @IsString()
  KAFKA_ADMIN_FILE = localHubFile('kafka-admin.json');

  @Expose()
  @IsString()
  AUDIT_CHECKPOINT_TOPIC = 'hub.audit.checkpoint.v1';

  /** The audit service's consumer group (its SERVICE_NAME). */
  @Expose()
  @IsString()
  AUDIT_GROUP = 'audit';

  /** The audit's key ring, to open what the audit store sealed; unset: the file of --store-keys. */
  @Expose()
  @IsOptional()
  @IsString()
  AUDIT_STORE_KEYS?: string;

  @Expose()
  @IsString()
  FINDINGS_TOPIC = 'hub.finding.changed.v1';

  @Expose()
  @Matches(URL_PATTERN, { message: 'HUB_GATEWAY_URL must be an http(s) URL' })
  HUB_GATEWAY_URL = 'http://127.0.0.1:8080';

  @Expose()
  @Matches(URL_PATTERN, { message: 'HUB_REGISTRY_URL must be an http(s) URL' })
  HUB_REGISTRY_URL = 'http://127.0.0.1:8081';

  /** The member `hub contracts` calls the registry as. */
  @Expose()
  @IsString()
  HUB_MEMBER = 'integration-engineer';

  /** The API key the command calls as; unset: the member's key in --key-file. */
  @Expose()
  @IsOptional()
  @IsString()
  HUB_API_KEY?: string;
}
