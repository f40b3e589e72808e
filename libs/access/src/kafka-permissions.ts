/**
 * Who may do what on the broker (issue 19): each hub service and each member is a principal with
 * only what it needs. The broker enforces these as ACLs (StandardAuthorizer); this is their one
 * source, pure, so the launcher, the member administration and the tests read the same rules.
 */

export type KafkaOperation = 'read' | 'write' | 'create' | 'describe';

export interface KafkaPermission {
  resource: 'topic' | 'group';
  /** `prefixed`: every name that begins with `name`; `literal`: that name (`*`: every one). */
  pattern: 'literal' | 'prefixed';
  name: string;
  operations: readonly KafkaOperation[];
}

/** The hub's own services, each a principal `hub-<service>`; `auditor-tools` reads for `hub audit verify` and `hub replay`. */
export const HUB_SERVICES = ['gateway', 'registry', 'crosscheck', 'audit', 'auditor-tools', 'console'] as const;
export type HubService = (typeof HUB_SERVICES)[number];

export const servicePrincipal = (service: HubService) => `hub-${service}`;

const topic = (name: string, operations: readonly KafkaOperation[], pattern: KafkaPermission['pattern'] = 'literal'): KafkaPermission => ({ resource: 'topic', pattern, name, operations });
const topics = (prefix: string, operations: readonly KafkaOperation[]) => topic(prefix, operations, 'prefixed');
const groups = (prefix: string): KafkaPermission => ({ resource: 'group', pattern: 'prefixed', name: prefix, operations: ['read', 'describe'] });

const READ: KafkaOperation[] = ['read', 'describe'];
const WRITE: KafkaOperation[] = ['write', 'describe', 'create'];
const READ_WRITE: KafkaOperation[] = ['read', 'write', 'describe', 'create'];

/** What a service may do on the hub's fixed topics; its consumer groups begin with its service name. */
const SERVICE_PERMISSIONS: Record<HubService, readonly KafkaPermission[]> = {
  gateway: [
    topics('hub.inbound.', ['read', 'describe', 'create']),
    topics('hub.results.', WRITE),
    topics('hub.findings.', WRITE),
    topic('hub.contracts', READ),
    topic('hub.finding.changed.v1', READ),
    topic('hub.finding-response.recorded.v1', WRITE),
    topic('hub.bulk-load.changed.v1', READ_WRITE),
    topic('hub.deadletter', WRITE),
    topic('hub.access-log', WRITE),
    groups('gateway'),
  ],
  registry: [topic('hub.contracts', READ_WRITE), topic('hub.access-log', WRITE), groups('registry')],
  crosscheck: [
    topic('hub.finding.changed.v1', WRITE),
    topic('hub.finding-response.recorded.v1', READ_WRITE),
    topic('hub.bulk-load.changed.v1', READ_WRITE),
    topic('hub.deadletter', WRITE),
    topic('hub.contracts', READ),
    groups('crosscheck'),
  ],
  // The audit records every topic there is.
  audit: [topic('*', READ), topic('hub.audit.checkpoint.v1', WRITE), topic('hub.audit.deadletter', WRITE), groups('audit')],
  // Reads the log partition by partition (hub replay, the published checkpoints of hub audit verify):
  // no consumer group of its own; it only looks at how far the audit's group has committed.
  'auditor-tools': [topic('*', READ), { resource: 'group', pattern: 'literal', name: 'audit', operations: ['describe'] }],
  // Writes what people do in the console to the access log and the officers' responses to findings (as the gateway does for a
  // department's system); follows the contracts the responses are checked against; shows the operators the dead letters;
  // reads the rest through the hub's database.
  console: [topic('hub.access-log', WRITE), topic('hub.finding-response.recorded.v1', WRITE), topic('hub.contracts', READ), topic('hub.deadletter', READ), groups('console')],
};

/**
 * What a service may do on one department's canonical topics (`<department>.…`): the gateway
 * publishes them and reads the facts they share, the crosscheck judges them, the registry's and the
 * console's sample checks read them (pseudonymised; a check reports fields and offsets, never
 * values); the audit reads every topic anyway.
 */
function departmentPermissionsOf(service: HubService, department: string): KafkaPermission[] {
  switch (service) {
    case 'gateway':
      return [topics(`${department}.`, READ_WRITE)];
    case 'crosscheck':
      return [topics(`${department}.`, ['read', 'describe', 'create'])];
    case 'registry':
    case 'console':
      return [topics(`${department}.`, READ)];
    default:
      return [];
  }
}

/** Everything a service may do, given the departments that are members. */
export function servicePermissions(service: HubService, departments: readonly string[]): KafkaPermission[] {
  return [...SERVICE_PERMISSIONS[service], ...departments.flatMap((department) => departmentPermissionsOf(service, department))];
}

/** The services' permissions on a new department's namespace, granted when it becomes a member. */
export function servicePermissionsForDepartment(department: string): { service: HubService; permissions: KafkaPermission[] }[] {
  return HUB_SERVICES.map((service) => ({ service, permissions: departmentPermissionsOf(service, department) })).filter((entry) => entry.permissions.length > 0);
}

/**
 * A member's own principal (its member id): it writes its inbound topic and reads its results and
 * findings, with consumer groups that begin `<member>.`; nothing else, not another member's topics,
 * not the canonical topics, not the hub's.
 */
export function memberPermissions(member: string): KafkaPermission[] {
  return [topic(`hub.inbound.${member}`, ['write', 'describe']), topic(`hub.results.${member}`, READ), topic(`hub.findings.${member}`, READ), groups(`${member}.`)];
}
