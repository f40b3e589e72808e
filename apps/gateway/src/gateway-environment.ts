import { HubEnvironment } from '@hub/config';

/** The gateway's settings: the hub's common ones, with its own service name. */
export class GatewayEnvironment extends HubEnvironment {
  override SERVICE_NAME = 'gateway';
}
