import { Expose, Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsKeyRing } from '@hub/config';
import { FindingWorkEnvironment } from '@hub/gateway';

/**
 * The console's settings (issue 24): where it listens, the key ring its users' authenticator
 * secrets are sealed with, the sign-in policy, the services it watches, and (as the findings' use
 * cases need them) the pseudonym and envelope keys and the contracts topic.
 */
export class ConsoleEnvironment extends FindingWorkEnvironment {
  override SERVICE_NAME = 'console';
  override HTTP_PORT = 8082;

  /** The key ring (`version:base64 key` entries) the users' TOTP secrets are sealed with at rest. Required. */
  @Expose()
  @IsKeyRing('CONSOLE_KEYS')
  CONSOLE_KEYS!: string;

  /** Whether the session cookie is marked Secure (sent over HTTPS only); unset: in production only, as the local console is plain HTTP on 127.0.0.1. */
  @Expose()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'CONSOLE_SECURE_COOKIE must be true or false' })
  CONSOLE_SECURE_COOKIE?: boolean;

  /** Failed sign-ins (passwords or codes) in a row that lock an account. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(3)
  @Max(10)
  CONSOLE_LOCKOUT_ATTEMPTS = 5;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  CONSOLE_LOCKOUT_MINUTES = 15;

  /** Minutes without a request after which a session ends. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(480)
  CONSOLE_IDLE_MINUTES = 30;

  /** The services the operations page watches, `<name>=<base URL>` separated by commas; each one's /health/ready is asked. */
  @Expose()
  @IsString()
  @Matches(/^[a-z-]+=https?:\/\/[^,\s]+(,[a-z-]+=https?:\/\/[^,\s]+)*$/, { message: 'CONSOLE_SERVICES must be <name>=<http(s) URL> entries separated by commas' })
  CONSOLE_SERVICES = 'gateway=http://127.0.0.1:8080,registry=http://127.0.0.1:8081,audit=http://127.0.0.1:8083,crosscheck=http://127.0.0.1:8084';

  /** The built web application (npm run build:console); unset: dist/console-web beside the console's code. */
  @Expose()
  @IsOptional()
  @IsString()
  CONSOLE_WEB_DIR?: string;

  /** The audit store's reading role (hub_audit_reader), for the auditor's lineage, verify and access-log pages; unset: those pages say it is not configured. */
  @Expose()
  @IsOptional()
  @IsString()
  AUDIT_DATABASE_URL?: string;

  /** The audit's key ring, to open what it sealed (the audit service's AUDIT_STORE_KEYS). */
  @Expose()
  @IsOptional()
  @IsKeyRing('AUDIT_STORE_KEYS')
  AUDIT_STORE_KEYS?: string;

  /** The audit's public key (PEM) its checkpoints are verified against; several comma-separated after a rotation. */
  @Expose()
  @IsOptional()
  @IsString()
  AUDIT_PUBLIC_KEY_FILE?: string;

  /** CONSOLE_SERVICES as name → URL. */
  consoleServices(): Record<string, string> {
    return Object.fromEntries(this.CONSOLE_SERVICES.split(',').map((entry) => entry.split('=', 2) as [string, string]));
  }
}
