import { Expose } from 'class-transformer';
import { IsString } from 'class-validator';
import { HubEnvironment } from '@hub/config';

/** The registry's settings: the hub's common ones, its own port, and where the standard contracts are. */
export class RegistryEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'registry';
  override HTTP_PORT = 8081;

  /** The folder of standard contracts registered at start (relative to the working directory). */
  @Expose()
  @IsString()
  CONTRACTS_DIR = 'contracts';
}
