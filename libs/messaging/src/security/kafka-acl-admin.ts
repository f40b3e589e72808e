import kafkajs, { type AclEntry } from 'kafkajs';
import { createKafkaClient } from '../kafka-client.js';
import type { KafkaSettings } from '../kafka-settings.js';

/** One permission of a principal, as the broker's ACLs express it (the shape of @hub/access's KafkaPermission). */
export interface KafkaAclGrant {
  resource: 'topic' | 'group';
  pattern: 'literal' | 'prefixed';
  name: string;
  operations: readonly ('read' | 'write' | 'create' | 'describe')[];
}

// kafkajs is CommonJS, and Node's ES-module loader does not see these enums among its named exports.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

const OPERATIONS = { read: AclOperationTypes.READ, write: AclOperationTypes.WRITE, create: AclOperationTypes.CREATE, describe: AclOperationTypes.DESCRIBE } as const;

function entries(principal: string, grants: readonly KafkaAclGrant[]): AclEntry[] {
  return grants.flatMap((grant) =>
    grant.operations.map((operation) => ({
      resourceType: grant.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: grant.name,
      resourcePatternType: grant.pattern === 'prefixed' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: `User:${principal}`,
      host: '*',
      operation: OPERATIONS[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

/** Grants and withdraws principals' ACLs on the broker's StandardAuthorizer, as an administrator (ALTER on the cluster). */
export class KafkaAclAdmin {
  constructor(private readonly settings: KafkaSettings) {}

  /** Adds the grants (ACLs are a set: granting one twice changes nothing). */
  async grant(principal: string, grants: readonly KafkaAclGrant[]): Promise<void> {
    await this.withAdmin((admin) => admin.createAcls({ acl: entries(principal, grants) }));
  }

  /** Removes every ACL of the principal, whatever it was granted. */
  async revokeAll(principal: string): Promise<void> {
    await this.withAdmin((admin) =>
      admin.deleteAcls({
        filters: [
          {
            resourceType: AclResourceTypes.ANY,
            resourcePatternType: ResourcePatternTypes.ANY,
            principal: `User:${principal}`,
            host: '*',
            operation: AclOperationTypes.ANY,
            permissionType: AclPermissionTypes.ANY,
          },
        ],
      }),
    );
  }

  private async withAdmin<T>(work: (admin: ReturnType<ReturnType<typeof createKafkaClient>['admin']>) => Promise<T>): Promise<T> {
    const admin = createKafkaClient(this.settings).admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}
