import { servicePrincipal } from '@hub/access';
import { SERVICE_ROLES } from '@hub/persistence';
import { HUB_APPS, type HubApp } from '../hub-apps.js';
import { KEY_RING_SETTINGS } from '../secret-settings.js';
import { KAFKA_BOOTSTRAP, KAFKA_CLUSTER_CA_SECRET } from './kafka-cluster.js';
import { HUB_IMAGE, labelsOf, manifest, PART_OF, type Manifest } from './manifest.js';
import { hardenedContainer, hardenedPod } from './pod-security.js';
import { databaseRoleSecret, databaseUrlOf, POSTGRES_CA_SECRET } from './postgres-cluster.js';

/** Where a pod finds the other apps: each app's Service is `hub-<app>`. */
export const appServiceName = (app: HubApp['name']) => `hub-${app}`;
export const appUrl = (app: HubApp) => `http://${appServiceName(app.name)}:${app.port}`;
/** The label that picks an app's pods. */
export const appSelector = (app: HubApp['name']) => ({ ...PART_OF, 'app.kubernetes.io/name': app });

/** The Secret a key ring is kept in (key `ring`), and the one an Ed25519 signing key is (key `private.pem`); the public halves are in one ConfigMap. */
export const keyRingSecret = (ring: string) => `hub-${ring}`;
export const signingKeySecret = (signer: string) => `hub-${signer}-signing-key`;
export const PUBLIC_KEYS_CONFIG_MAP = 'hub-public-keys';

const MEMORY: Record<HubApp['name'], string> = { gateway: '1Gi', registry: '512Mi', console: '768Mi', crosscheck: '2Gi', audit: '1Gi' };

const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

/** What an app is told: its own settings and, of the hub's secrets, only those it uses (as `npm start` gives them, issue 19). */
function environmentOf(app: HubApp): Record<string, unknown>[] {
  const role = SERVICE_ROLES[app.database].role;
  const env: Record<string, unknown>[] = [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'SERVICE_NAME', value: app.name },
    { name: 'LOG_FORMAT', value: 'json' },
    { name: 'HTTP_HOST', value: '0.0.0.0' },
    { name: 'HTTP_PORT', value: String(app.port) },
    { name: 'KAFKA_BROKERS', value: KAFKA_BOOTSTRAP },
    { name: 'KAFKA_SASL_MECHANISM', value: 'scram-sha-512' },
    { name: 'KAFKA_SASL_USERNAME', value: servicePrincipal(app.kafka) },
    secretEnv('KAFKA_SASL_PASSWORD', servicePrincipal(app.kafka), 'password'),
    { name: 'KAFKA_TLS_CA_FILE', value: '/var/run/hub/kafka-ca/ca.crt' },
    secretEnv('DATABASE_PASSWORD', databaseRoleSecret(role), 'password'),
    { name: 'DATABASE_URL', value: databaseUrlOf(role, 'DATABASE_PASSWORD') },
    ...app.keyRings.map((ring) => secretEnv(KEY_RING_SETTINGS[ring], keyRingSecret(ring), 'ring')),
  ];
  if (app.signs) env.push({ name: app.signs === 'audit' ? 'AUDIT_SIGNING_KEY_FILE' : 'SIGNING_KEY_FILE', value: '/var/run/hub/signing-key/private.pem' });
  if (app.readsAuditStore) {
    const reader = SERVICE_ROLES['audit-reader'].role;
    env.push(secretEnv('AUDIT_DATABASE_PASSWORD', databaseRoleSecret(reader), 'password'), { name: 'AUDIT_DATABASE_URL', value: databaseUrlOf(reader, 'AUDIT_DATABASE_PASSWORD') });
  }
  if (app.name === 'gateway') {
    // The gateway takes contract and finding changes only as the registry and the crosscheck signed them.
    env.push({ name: 'CONTRACTS_PUBLIC_KEY_FILE', value: '/var/run/hub/public-keys/registry.pub.pem' }, { name: 'FINDINGS_PUBLIC_KEY_FILE', value: '/var/run/hub/public-keys/crosscheck.pub.pem' });
  }
  if (app.name === 'console') {
    env.push(
      { name: 'AUDIT_PUBLIC_KEY_FILE', value: '/var/run/hub/public-keys/audit.pub.pem' },
      { name: 'CONSOLE_SERVICES', value: app.calls.map((name) => `${name}=${appUrl(HUB_APPS.find((other) => other.name === name)!)}`).join(',') },
    );
  }
  return env;
}

function volumesOf(app: HubApp): { volumes: Record<string, unknown>[]; mounts: Record<string, unknown>[] } {
  const volumes: Record<string, unknown>[] = [
    { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
    { name: 'kafka-ca', secret: { secretName: KAFKA_CLUSTER_CA_SECRET, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { name: 'postgres-ca', secret: { secretName: POSTGRES_CA_SECRET, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  ];
  const mounts: Record<string, unknown>[] = [
    { name: 'tmp', mountPath: '/tmp' },
    { name: 'kafka-ca', mountPath: '/var/run/hub/kafka-ca', readOnly: true },
    { name: 'postgres-ca', mountPath: '/var/run/hub/postgres-ca', readOnly: true },
  ];
  if (app.signs) {
    volumes.push({ name: 'signing-key', secret: { secretName: signingKeySecret(app.signs), defaultMode: 0o400, items: [{ key: 'private.pem', path: 'private.pem' }] } });
    mounts.push({ name: 'signing-key', mountPath: '/var/run/hub/signing-key', readOnly: true });
  }
  if (app.name === 'gateway' || app.name === 'console') {
    volumes.push({ name: 'public-keys', configMap: { name: PUBLIC_KEYS_CONFIG_MAP } });
    mounts.push({ name: 'public-keys', mountPath: '/var/run/hub/public-keys', readOnly: true });
  }
  return { volumes, mounts };
}

/**
 * An app's Deployment (several instances, spread over nodes, each probed for readiness and
 * liveness, with resource requests), its Service and its PodDisruptionBudget.
 */
export function appManifests(app: HubApp): Manifest[] {
  const name = appServiceName(app.name);
  const labels = { ...labelsOf('app'), ...appSelector(app.name) };
  const { volumes, mounts } = volumesOf(app);
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({ httpGet: { path, port: 'http' }, periodSeconds, failureThreshold, timeoutSeconds: 5 });
  const memory = MEMORY[app.name];
  const deployment = manifest(
    'apps/v1',
    'Deployment',
    name,
    'app',
    {
      spec: {
        replicas: app.replicas,
        selector: { matchLabels: appSelector(app.name) },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(app.port), 'prometheus.io/path': '/metrics' } },
          spec: {
            ...hardenedPod(),
            // A consumer's partitions move to the others only after its session times out (CONSUMER_SESSION_TIMEOUT_MS); a clean stop leaves the group at once.
            terminationGracePeriodSeconds: 60,
            topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: appSelector(app.name) } }],
            containers: [
              {
                name: app.name,
                image: HUB_IMAGE,
                command: ['node', app.entry],
                ports: [{ name: 'http', containerPort: app.port, protocol: 'TCP' }],
                env: environmentOf(app),
                readinessProbe: probe('/health/ready', 10, 3),
                livenessProbe: probe('/health/live', 20, 3),
                startupProbe: probe('/health/live', 5, 60),
                resources: { requests: { cpu: app.kind === 'consumer' ? '1' : '500m', memory }, limits: { memory } },
                volumeMounts: mounts,
                ...hardenedContainer(),
              },
            ],
            volumes,
          },
        },
      },
    },
    appSelector(app.name),
  );
  const service = manifest(
    'v1',
    'Service',
    name,
    'app',
    { spec: { selector: appSelector(app.name), ports: [{ name: 'http', port: app.port, targetPort: 'http', protocol: 'TCP' }] } },
    appSelector(app.name),
  );
  const budget = manifest('policy/v1', 'PodDisruptionBudget', name, 'app', { spec: { maxUnavailable: 1, selector: { matchLabels: appSelector(app.name) } } }, appSelector(app.name));
  return [deployment, service, budget];
}
