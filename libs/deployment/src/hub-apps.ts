import type { HubService } from '@hub/access';
import type { ServiceRoleName } from '@hub/persistence';
import { KEY_RING_SETTINGS, type KeyRing, type SecretSetting, type SigningKey } from './secret-settings.js';

/** One of the hub's long-running apps, as the local launcher starts it and a cluster deploys it. */
export interface HubApp {
  name: 'gateway' | 'registry' | 'console' | 'crosscheck' | 'audit';
  /** What it is, in a line. */
  what: string;
  /** `http`: people and systems call it; `consumer`: a Kafka consumer whose HTTP serves only its health and metrics. */
  kind: 'http' | 'consumer';
  /** The built entry point, relative to the project's root. */
  entry: string;
  /** Its HTTP port (the local default; the same in a pod). */
  port: number;
  /** The variable `npm start` reads another port from. */
  portVariable: string;
  /** Its Kafka principal. */
  kafka: HubService;
  /** Its PostgreSQL login role. */
  database: ServiceRoleName;
  /** The key rings it is given. */
  keyRings: readonly KeyRing[];
  /** The Ed25519 key it signs with, if it signs (given as SIGNING_KEY_FILE, the audit's as AUDIT_SIGNING_KEY_FILE). */
  signs?: SigningKey;
  /** It reads the audit store too (AUDIT_DATABASE_URL, as the audit-reader role). */
  readsAuditStore?: boolean;
  /** The other apps it calls over HTTP. */
  calls: readonly HubApp['name'][];
  /** Instances a cluster runs (issue 25: several of every service). */
  replicas: number;
}

/** The hub's apps, in the order the local launcher starts them (the registry first: it publishes every contract before it reports ready). */
export const HUB_APPS: readonly HubApp[] = [
  {
    name: 'registry',
    what: 'contract registry (Confluent-compatible API)',
    kind: 'http',
    entry: 'dist/apps/registry/src/main.js',
    port: 8081,
    portVariable: 'REGISTRY_HTTP_PORT',
    kafka: 'registry',
    database: 'registry',
    keyRings: [],
    signs: 'registry',
    calls: [],
    replicas: 2,
  },
  {
    name: 'gateway',
    what: 'department gateway',
    kind: 'http',
    entry: 'dist/apps/gateway/src/main.js',
    port: 8080,
    portVariable: 'GATEWAY_HTTP_PORT',
    kafka: 'gateway',
    database: 'gateway',
    keyRings: ['pseudonym-keys', 'envelope-keys'],
    calls: [],
    replicas: 2,
  },
  {
    name: 'console',
    what: 'console (open it in a browser; sign in as one of the console users named above)',
    kind: 'http',
    entry: 'dist/apps/console/src/main.js',
    port: 8082,
    portVariable: 'CONSOLE_HTTP_PORT',
    kafka: 'console',
    database: 'console',
    keyRings: ['console-keys', 'pseudonym-keys', 'envelope-keys', 'audit-store-keys'],
    readsAuditStore: true,
    // It forwards registrations to the registry and watches every service's readiness (CONSOLE_SERVICES).
    calls: ['registry', 'gateway', 'audit', 'crosscheck'],
    replicas: 2,
  },
  {
    name: 'crosscheck',
    what: 'cross-check engine (the precise-aid rules)',
    kind: 'consumer',
    entry: 'dist/apps/crosscheck/src/main.js',
    port: 8084,
    portVariable: 'CROSSCHECK_HTTP_PORT',
    kafka: 'crosscheck',
    database: 'crosscheck',
    keyRings: [],
    signs: 'crosscheck',
    calls: [],
    replicas: 3,
  },
  {
    name: 'audit',
    what: 'audit store (every topic, hash-chained and signed)',
    kind: 'consumer',
    entry: 'dist/apps/audit/src/main.js',
    port: 8083,
    portVariable: 'AUDIT_HTTP_PORT',
    kafka: 'audit',
    database: 'audit-writer',
    keyRings: ['audit-store-keys'],
    signs: 'audit',
    calls: [],
    replicas: 2,
  },
];

/** The secret settings an app is given, besides its Kafka password. */
export function secretSettingsOf(app: HubApp): SecretSetting[] {
  return [
    'DATABASE_URL',
    ...app.keyRings.map((ring) => KEY_RING_SETTINGS[ring]),
    ...(app.signs === 'audit' ? (['AUDIT_SIGNING_KEY_FILE'] as const) : app.signs ? (['SIGNING_KEY_FILE'] as const) : []),
    ...(app.readsAuditStore ? (['AUDIT_DATABASE_URL'] as const) : []),
  ];
}
