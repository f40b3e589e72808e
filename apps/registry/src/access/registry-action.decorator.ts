import { SetMetadata } from '@nestjs/common';
import type { RegistryAction } from '@hub/access';

export const REGISTRY_ACTION = 'hub:registry-action';

export interface RegistryRouteAction {
  action: RegistryAction;
  /** The handler decides (and logs) itself, because the decision rests on what only it reads (a registration, a level in force). */
  decidedByHandler?: boolean;
}

/** What a route does, for the registry's access guard; every route of the registry names one. */
export const RegistryRoute = (action: RegistryAction, options: { decidedByHandler?: boolean } = {}) => SetMetadata(REGISTRY_ACTION, { action, ...options } satisfies RegistryRouteAction);
