import { Expose, Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { HubEnvironment, IsKeyRing } from '@hub/config';

/** The console's settings (issue 24): where it listens, the key ring its users' authenticator secrets are sealed with, and the sign-in policy. */
export class ConsoleEnvironment extends HubEnvironment {
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
}
