import 'reflect-metadata';
import { Expose } from 'class-transformer';
import { IsIn, IsOptional, IsString } from 'class-validator';

/** How a process authenticates to the broker: the settings every service and the `hub` command share. */
export class KafkaPrincipalEnvironment {
  /** The process's Kafka principal (SCRAM-SHA-512); unset only for a broker without authentication. */
  @Expose()
  @IsOptional()
  @IsString()
  KAFKA_SASL_USERNAME?: string;

  @Expose()
  @IsOptional()
  @IsString()
  KAFKA_SASL_PASSWORD?: string;

  @Expose()
  @IsIn(['scram-sha-512', 'plain'])
  KAFKA_SASL_MECHANISM: 'scram-sha-512' | 'plain' = 'scram-sha-512';

  /** A PEM file of the certificate authority the broker's TLS certificate is checked against; unset: no TLS. */
  @Expose()
  @IsOptional()
  @IsString()
  KAFKA_TLS_CA_FILE?: string;
}
