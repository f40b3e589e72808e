import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { HealthController } from '@hub/health';
import { HTTP_CONTROLLERS } from './http-controllers.js';
import { OPENAPI_DOCUMENT } from './openapi-document.js';

/** Every route the gateway's API controllers declare, as `METHOD /path` with OpenAPI's `{parameter}`. */
function declaredRoutes(controllers: readonly (new (...args: never[]) => unknown)[]): string[] {
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = [base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((part) => part && part !== '/').join('/');
      return [`${method} /${path.replace(/:([A-Za-z]+)/g, '{$1}')}`];
    });
  });
}

describe('the OpenAPI document of the gateway', () => {
  it('describes exactly the routes its controllers declare: none undocumented, none that is not served', () => {
    const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const declared = declaredRoutes([...HTTP_CONTROLLERS, HealthController]);
    expect(declared.length).toBeGreaterThan(5);
    expect([...declared].sort()).toEqual([...documented].sort());
  });
});
