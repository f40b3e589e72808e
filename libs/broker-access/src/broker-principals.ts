import { HUB_SERVICES, memberPermissions, servicePermissions, servicePermissionsForDepartment, servicePrincipal, type HubService } from '@hub/access';
import { alterScramCredentials, KafkaAclAdmin, type KafkaSettings } from '@hub/messaging';

/**
 * The broker's principals of the hub (issue 19): a SCRAM-SHA-512 credential and ACLs for each hub
 * service and each department member, set up and withdrawn from here as the broker's administrator.
 * The permissions themselves come from @hub/access.
 */
export class BrokerPrincipals {
  private readonly acls: KafkaAclAdmin;

  constructor(private readonly admin: KafkaSettings) {
    this.acls = new KafkaAclAdmin(admin);
  }

  /** Every service's credential and ACLs, for the given departments' namespaces; repeating it changes nothing but the salts. */
  async provisionServices(passwords: Readonly<Record<HubService, string>>, departments: readonly string[]): Promise<void> {
    await alterScramCredentials(this.admin, { upsert: HUB_SERVICES.map((service) => ({ user: servicePrincipal(service), password: passwords[service] })) });
    for (const service of HUB_SERVICES) await this.acls.grant(servicePrincipal(service), servicePermissions(service, departments));
  }

  /**
   * A department's principal: its credential (created, or replaced by this password), its own
   * topics, and the services' rights on its canonical namespace. It can publish at once.
   */
  async provisionMember(member: string, password: string): Promise<void> {
    for (const { service, permissions } of servicePermissionsForDepartment(member)) await this.acls.grant(servicePrincipal(service), permissions);
    await this.acls.grant(member, memberPermissions(member));
    await alterScramCredentials(this.admin, { upsert: [{ user: member, password }] });
  }

  /** Withdraws a member's principal: its credential and every ACL of it, so its next connection or request is refused. */
  async removeMember(member: string): Promise<void> {
    await alterScramCredentials(this.admin, { remove: [member] });
    await this.acls.revokeAll(member);
  }
}
