import type { AccessAction } from '@hub/access';

/** The gateway's routes and the action each one decides, for the access log of a refused request. */
const ROUTE_ACTIONS: [method: string, path: RegExp, action: AccessAction][] = [
  ['POST', /^\/v1\/events\/?$/, 'publish'],
  ['PUT', /^\/v1\/csv-mappings\/[^/]+\/?$/, 'map-csv'],
  ['GET', /^\/v1\/csv-mappings\/?$/, 'read-csv-mappings'],
  ['GET', /^\/v1\/rejections\/?$/, 'read-rejections'],
  ['POST', /^\/v1\/rejections\/[^/]+\/replay\/?$/, 'replay-rejection'],
  ['GET', /^\/v1\/findings\/?$/, 'read-findings'],
  ['POST', /^\/v1\/findings\/[^/]+\/responses\/?$/, 'respond'],
  ['POST', /^\/v1\/findings\/[^/]+\/reveal\/?$/, 'reveal-identity'],
  ['GET', /^\/v1\/facts\/?$/, 'read-facts'],
  ['POST', /^\/v1\/bulk-loads\/?$/, 'open-bulk-load'],
  ['POST', /^\/v1\/bulk-loads\/[^/]+\/close\/?$/, 'close-bulk-load'],
  ['GET', /^\/v1\/bulk-loads(\/[^/]+)?\/?$/, 'read-bulk-loads'],
  ['GET', /^\/v1\/facts\/unjustified-reads\/?$/, 'read-fact-reads'],
];

/** What a request to the gateway asked to do; `request` for a route that names no action. */
export function gatewayActionOf(method: string, path: string): AccessAction {
  return ROUTE_ACTIONS.find(([routeMethod, pattern]) => routeMethod === method && pattern.test(path))?.[2] ?? 'request';
}
