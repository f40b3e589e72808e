import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_SERVICES, servicePrincipal, type HubService } from '@hub/access';
import { BrokerPrincipals } from '@hub/broker-access';
import type { KafkaSettings } from '@hub/messaging';

/** The Kafka credentials of the local hub, kept in .hub/kafka-credentials.json (this user only). */
export interface LocalKafkaCredentials {
  /** Where the services connect with them (the broker's services' listener). */
  brokers: string;
  /** The principal and password of each hub service. */
  services: Record<HubService, { username: string; password: string }>;
  /** The password of each department's principal (its member id). */
  members: Record<string, string>;
}

const secret = () => randomBytes(24).toString('base64url');

/**
 * Sets up the local broker's principals (issue 19): each hub service gets its own, and each
 * department member gets one, made once (a member added later with `hub members add` gets its own there).
 * Also writes .hub/kafka-admin.json, the administrator's settings, for `hub members`.
 */
export async function ensureLocalBrokerPrincipals(folder: string, brokers: string, admin: KafkaSettings, departments: readonly string[], newBroker: boolean): Promise<LocalKafkaCredentials> {
  const file = join(folder, 'kafka-credentials.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalKafkaCredentials>) : {};
  const services = Object.fromEntries(
    HUB_SERVICES.map((service) => [service, kept.services?.[service] ?? { username: servicePrincipal(service), password: secret() }]),
  ) as LocalKafkaCredentials['services'];
  const members: Record<string, string> = { ...kept.members };
  const principals = new BrokerPrincipals(admin);
  await principals.provisionServices(Object.fromEntries(HUB_SERVICES.map((service) => [service, services[service].password])) as Record<HubService, string>, departments);
  // Only departments that have none yet: one disabled (`hub members disable`) stays so. A new broker
  // (another cluster size, HUB_KAFKA_NODES) knows none: each member gets its kept password there.
  for (const department of departments.filter((id) => newBroker || members[id] === undefined)) {
    members[department] ??= secret();
    await principals.provisionMember(department, members[department]);
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, `${JSON.stringify({ brokers, services, members }, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(join(folder, 'kafka-admin.json'), `${JSON.stringify(admin, null, 2)}\n`, { mode: 0o600 });
  return { brokers, services, members };
}
