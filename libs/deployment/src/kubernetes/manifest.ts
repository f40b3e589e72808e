/** A Kubernetes object as it is written to a manifest: its kind, its name and labels, and the rest. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** The namespace the hub is deployed in. */
export const HUB_NAMESPACE = 'ningxia-hub';
/** The label every object of the hub carries, and the pods the broker's and the database's network policies let in. */
export const PART_OF = { 'app.kubernetes.io/part-of': 'ningxia-hub' } as const;
/** The Strimzi Kafka cluster's name; its bootstrap service is `<name>-kafka-bootstrap`. */
export const KAFKA_CLUSTER = 'hub-kafka';
/** The CloudNativePG cluster's name; its primary's service is `<name>-rw`. */
export const POSTGRES_CLUSTER = 'hub-postgres';
/** The hub's database. */
export const DATABASE_NAME = 'hub';
/** The image every app runs (the Dockerfile at the repository's root); kustomization.yaml's `images` says where a cluster pulls it from. */
export const HUB_IMAGE = 'ningxia-hub';

export const labelsOf = (component: string): Record<string, string> => ({ ...PART_OF, 'app.kubernetes.io/component': component });

export function manifest(apiVersion: string, kind: string, name: string, component: string, body: Record<string, unknown>, labels: Record<string, string> = {}): Manifest {
  return { apiVersion, kind, metadata: { name, namespace: HUB_NAMESPACE, labels: { ...labelsOf(component), ...labels } }, ...body };
}
