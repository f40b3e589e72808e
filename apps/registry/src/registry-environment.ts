import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { HubEnvironment } from '@hub/config';

/** The registry's settings: the hub's common ones, its own port, and where the standard contracts are. */
export class RegistryEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'registry';
  override HTTP_PORT = 8081;

  /** The folder of standard contracts registered at start (relative to the working directory). */
  @Expose()
  @IsString()
  CONTRACTS_DIR = 'contracts';

  /** A console session idle this long is over here too (a person registering from the console): the console's own limit. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(480)
  CONSOLE_IDLE_MINUTES = 30;
}
