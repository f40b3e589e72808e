import { Expose } from 'class-transformer';
import { IsString } from 'class-validator';
import { HubEnvironment } from '@hub/config';

/** The cross-check's settings: the hub's common ones and where it publishes findings. */
export class CrosscheckEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'crosscheck';

  @Expose()
  @IsString()
  FINDINGS_TOPIC = 'hub.finding.changed.v1';
}
