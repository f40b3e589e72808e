import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { decideCompatibilityChange, decideRegistration, decideRegistryAction, decideRegistryRead, type Caller, type RegistryAction } from '@hub/access';
import { ContractRegistry } from '@hub/contract-registry';
import { byPerson, callerOf, RegistryAccess, type RegistryRequest } from './registry-access.js';
import { REGISTRY_ACTION, type RegistryRouteAction } from './registry-action.decorator.js';

/**
 * Decides every registry call by the action its route names (after MemberAuthGuard has said who
 * calls). A route marked decidedByHandler is decided later by its handler, which alone reads what
 * the decision rests on (a registration's owner and governed changes, under the subject's lock; a
 * level in force); an auditor, who may change nothing, is refused here already.
 */
@Injectable()
export class RegistryAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ContractRegistry,
    private readonly access: RegistryAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RegistryRouteAction | undefined>(REGISTRY_ACTION, context.getHandler());
    if (route === undefined) throw new Error(`registry route ${context.getClass().name}.${context.getHandler().name} names no RegistryRoute action`);
    const request = context.switchToHttp().getRequest<RegistryRequest>();
    const caller = callerOf(request.member);
    const subject = typeof request.params['subject'] === 'string' ? request.params['subject'] : undefined;
    const resource = subject ?? `${request.method} ${request.path}`;
    if (route.decidedByHandler) {
      if (caller.role === 'auditor') await this.access.enforce(byPerson(this.auditorRefusal(caller, route.action, resource), request));
      return true;
    }
    const { action } = route;
    if (action === 'read-contracts') {
      await this.access.enforce(byPerson(decideRegistryRead(caller, resource), request));
      return true;
    }
    if (action === 'register-contract') throw new Error('a registration is decided by its handler (decidedByHandler)');
    // Only a department's own subjects need the owner; anyone else is decided by role alone.
    const owner = caller.role === 'department' && subject !== undefined ? await this.registry.ownerOf(subject) : undefined;
    await this.access.enforce(byPerson(decideRegistryAction(caller, action, resource, owner), request));
    return true;
  }

  private auditorRefusal(caller: Caller, action: RegistryAction, resource: string) {
    return action === 'register-contract'
      ? decideRegistration(caller, { subject: resource, currentOwner: undefined, candidateOwner: undefined, governed: [] })
      : decideCompatibilityChange(caller, resource, { owner: undefined, unchanged: false });
  }
}
