import { DATABASE_OWNER_ROLE, SERVICE_ROLES } from '@hub/persistence';
import { DATABASE_NAME, HUB_IMAGE, labelsOf, manifest, POSTGRES_CLUSTER, type Manifest } from './manifest.js';
import { hardenedContainer, hardenedPod } from './pod-security.js';

/** The Secret (kubernetes.io/basic-auth: `username`, `password`) a database role's password is kept in. */
export const databaseRoleSecret = (role: string) => `hub-database-${role.replace(/_/g, '-')}`;
/** Where the hub's pods find the primary, and the certificate authority its TLS certificate is checked against. */
export const POSTGRES_PRIMARY = `${POSTGRES_CLUSTER}-rw`;
export const POSTGRES_CA_SECRET = `${POSTGRES_CLUSTER}-ca`;
export const POSTGRES_CA_PATH = '/var/run/hub/postgres-ca/ca.crt';

/** A role's connection URL, its password taken from the environment variable `passwordVariable` (Kubernetes expands `$(…)`). */
export const databaseUrlOf = (role: string, passwordVariable: string) =>
  `postgres://${role}:$(${passwordVariable})@${POSTGRES_PRIMARY}:5432/${DATABASE_NAME}?sslmode=verify-full&sslrootcert=${POSTGRES_CA_PATH}`;

/**
 * The database, run by CloudNativePG: three instances (a primary and two replicas, failing over by
 * themselves), no superuser access, the owner role made at bootstrap and a login role per hub
 * process declared as managed roles, each with its password in its own Secret (issue 19's roles,
 * `libs/persistence/src/database-roles.ts`). The owner's job, `hub db migrate`, runs the
 * migrations and grants each role exactly its privileges.
 */
export function postgresManifests(imageVersion: string): Manifest[] {
  const cluster = manifest('postgresql.cnpg.io/v1', 'Cluster', POSTGRES_CLUSTER, 'postgres', {
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:17',
      enableSuperuserAccess: false,
      storage: { size: '200Gi' },
      walStorage: { size: '50Gi' },
      resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { memory: '4Gi' } },
      affinity: { enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname' },
      bootstrap: { initdb: { database: DATABASE_NAME, owner: DATABASE_OWNER_ROLE, secret: { name: databaseRoleSecret(DATABASE_OWNER_ROLE) } } },
      managed: {
        roles: Object.values(SERVICE_ROLES).map((spec) => ({
          name: spec.role,
          ensure: 'present',
          login: true,
          superuser: false,
          createdb: false,
          createrole: false,
          comment: spec.purpose,
          passwordSecret: { name: databaseRoleSecret(spec.role) },
        })),
      },
      postgresql: { parameters: { log_connections: 'on', log_disconnections: 'on', password_encryption: 'scram-sha-256' } },
    },
  });
  return [cluster, migrationJob(imageVersion)];
}

/** `hub db migrate` as the owner: pending migrations, then each service role's grants. Each version's job is its own (a Job's template cannot change), so a new image migrates again. */
function migrationJob(imageVersion: string): Manifest {
  return manifest('batch/v1', 'Job', `hub-database-migrate-${imageVersion.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, 'database-migrate', {
    spec: {
      backoffLimit: 10,
      template: {
        metadata: { labels: { ...labelsOf('database-migrate'), 'app.kubernetes.io/name': 'database-migrate' } },
        spec: {
          ...hardenedPod(),
          restartPolicy: 'OnFailure',
          containers: [
            {
              name: 'migrate',
              image: HUB_IMAGE,
              command: ['node', 'apps/cli/bin/hub.js', 'db', 'migrate'],
              env: [
                { name: 'NODE_ENV', value: 'production' },
                { name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { name: databaseRoleSecret(DATABASE_OWNER_ROLE), key: 'password' } } },
                { name: 'DATABASE_URL', value: databaseUrlOf(DATABASE_OWNER_ROLE, 'DATABASE_PASSWORD') },
              ],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              volumeMounts: [{ name: 'postgres-ca', mountPath: '/var/run/hub/postgres-ca', readOnly: true }],
              ...hardenedContainer(),
            },
          ],
          volumes: [{ name: 'postgres-ca', secret: { secretName: POSTGRES_CA_SECRET, items: [{ key: 'ca.crt', path: 'ca.crt' }] } }],
        },
      },
    },
  });
}
