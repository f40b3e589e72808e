import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ConsoleAction } from '@hub/access';
import type { ConsoleUser } from '@hub/console-users';

export const CONSOLE_ROUTE = 'hub:console-route';

export interface ConsoleRouteAction {
  action: ConsoleAction;
  /** The use case writes its own access log entry when it allows (a reveal, with the purpose): the guard logs only a refusal. */
  logsItself?: boolean;
}

/** What a route of the console's API does, for ConsoleAccessGuard; a route without one is the sign-in's. */
export const ConsoleRoute = (action: ConsoleAction, options: { logsItself?: boolean } = {}) => SetMetadata(CONSOLE_ROUTE, { action, ...options } satisfies ConsoleRouteAction);

/** A request ConsoleAccessGuard let through: whose session it is. */
export interface SignedInRequest {
  consoleUser: ConsoleUser;
}

/** The signed-in user of a request ConsoleAccessGuard let through. */
export const SignedInUser = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleUser => context.switchToHttp().getRequest<SignedInRequest>().consoleUser);
