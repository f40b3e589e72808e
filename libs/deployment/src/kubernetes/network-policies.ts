import { HUB_APPS, type HubApp } from '../hub-apps.js';
import { appSelector, appServiceName } from './app-workloads.js';
import { KAFKA_SERVICES_LISTENER } from './kafka-cluster.js';
import { KAFKA_CLUSTER, manifest, POSTGRES_CLUSTER, type Manifest } from './manifest.js';

/** Namespaces whose Prometheus may scrape the hub's `/metrics` carry this label. */
export const METRICS_NAMESPACE_LABEL = { 'ningxia-hub/scrapes-metrics': 'true' } as const;
/** The namespace the CloudNativePG operator runs in (its instance manager is asked on port 8000). */
export const CNPG_OPERATOR_NAMESPACE = 'cnpg-system';

const KAFKA_PODS = { podSelector: { matchLabels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'strimzi.io/broker-role': 'true' } } };
const POSTGRES_PODS = { podSelector: { matchLabels: { 'cnpg.io/cluster': POSTGRES_CLUSTER } } };
const DNS = {
  to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};
/** The hub's own pods (the apps and the migration job); Strimzi copies a resource's labels to its pods, so the part-of label alone would pick the brokers too. */
const HUB_PODS = { podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['app', 'database-migrate'] }] } };
const tcp = (port: number) => ({ protocol: 'TCP', port });
const policy = (name: string, spec: Record<string, unknown>) => manifest('networking.k8s.io/v1', 'NetworkPolicy', name, 'network-policy', { spec });

/**
 * What each app may reach and be reached by, and nothing else (等保 2.0 access control at the
 * network): the broker's services' listener, the database's primary, DNS, and the apps it calls;
 * in, its port: from anywhere for the gateway, the registry and the console (departments' systems,
 * engineers, officers, through the cluster's ingress), from the console and Prometheus for the
 * consumers, whose HTTP serves only their health and metrics.
 */
function appPolicy(app: HubApp): Manifest {
  const port = [tcp(app.port)];
  const scrapers = { namespaceSelector: { matchLabels: METRICS_NAMESPACE_LABEL } };
  const ingress = app.kind === 'http' ? [{ ports: port }] : [{ from: [{ podSelector: { matchLabels: appSelector('console') } }, scrapers], ports: port }];
  const calls = app.calls.map((name) => {
    const called = HUB_APPS.find((other) => other.name === name)!;
    return { to: [{ podSelector: { matchLabels: appSelector(name) } }], ports: [tcp(called.port)] };
  });
  return policy(appServiceName(app.name), {
    podSelector: { matchLabels: appSelector(app.name) },
    policyTypes: ['Ingress', 'Egress'],
    ingress,
    egress: [DNS, { to: [KAFKA_PODS], ports: [tcp(KAFKA_SERVICES_LISTENER.port)] }, { to: [POSTGRES_PODS], ports: [tcp(5432)] }, ...calls],
  });
}

/**
 * Every policy: nothing in or out for the hub's pods but what a policy allows; each app's own; the
 * database's instances reached only by the hub's pods, each other and their operator. The broker's
 * listeners get Strimzi's own policies (`networkPolicyPeers` on the services' listener).
 */
export function networkPolicyManifests(): Manifest[] {
  const defaultDeny = policy('hub-default-deny', { podSelector: HUB_PODS.podSelector, policyTypes: ['Ingress', 'Egress'] });
  const migrate = policy('hub-database-migrate', {
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'database-migrate' } },
    policyTypes: ['Ingress', 'Egress'],
    egress: [DNS, { to: [POSTGRES_PODS], ports: [tcp(5432)] }],
  });
  const database = policy('hub-postgres', {
    podSelector: POSTGRES_PODS.podSelector,
    policyTypes: ['Ingress'],
    ingress: [
      { from: [HUB_PODS, POSTGRES_PODS], ports: [tcp(5432)] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': CNPG_OPERATOR_NAMESPACE } } }], ports: [tcp(8000)] },
    ],
  });
  return [defaultDeny, ...HUB_APPS.map(appPolicy), migrate, database];
}
