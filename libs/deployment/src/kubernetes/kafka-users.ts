import { HUB_SERVICES, memberPermissions, servicePermissions, servicePrincipal, type KafkaOperation, type KafkaPermission } from '@hub/access';
import { KAFKA_CLUSTER, manifest, type Manifest } from './manifest.js';

const OPERATIONS: Record<KafkaOperation, string> = { read: 'Read', write: 'Write', create: 'Create', describe: 'Describe' };

/** The broker's ACL of one permission, as Strimzi's `simple` authorisation writes it (a literal `*` is every name, as on the local broker). */
export function strimziAcl(permission: KafkaPermission): Record<string, unknown> {
  return {
    type: 'allow',
    resource: { type: permission.resource, name: permission.name, patternType: permission.pattern === 'prefixed' ? 'prefix' : 'literal' },
    operations: permission.operations.map((operation) => OPERATIONS[operation]),
  };
}

const kafkaUser = (principal: string, component: string, permissions: readonly KafkaPermission[]): Manifest =>
  manifest(
    'kafka.strimzi.io/v1',
    'KafkaUser',
    principal,
    component,
    { spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: permissions.map(strimziAcl) } } },
    { 'strimzi.io/cluster': KAFKA_CLUSTER },
  );

/**
 * A KafkaUser per hub service and per member department, with exactly the ACLs the local broker
 * enforces (`libs/access/src/kafka-permissions.ts`, their one source). Strimzi's User Operator
 * makes each one's SCRAM password and keeps it in a Secret of the user's name (key `password`).
 */
export function kafkaUserManifests(departments: readonly string[]): Manifest[] {
  return [
    ...HUB_SERVICES.map((service) => kafkaUser(servicePrincipal(service), 'kafka-user', servicePermissions(service, departments))),
    ...departments.map((department) => kafkaUser(department, 'kafka-user-member', memberPermissions(department))),
  ];
}
