import { KAFKA_CLUSTER, manifest, type Manifest } from './manifest.js';

/** The listener the hub's services use inside the cluster, and the one departments reach from outside (both SASL/SCRAM over TLS). */
export const KAFKA_SERVICES_LISTENER = { name: 'services', port: 9093 } as const;
export const KAFKA_MEMBERS_LISTENER = { name: 'members', port: 9094 } as const;
/** Where a hub service finds the brokers. */
export const KAFKA_BOOTSTRAP = `${KAFKA_CLUSTER}-kafka-bootstrap:${KAFKA_SERVICES_LISTENER.port}`;
/** The Secret Strimzi keeps the cluster's certificate authority in (key `ca.crt`), which clients check the brokers against. */
export const KAFKA_CLUSTER_CA_SECRET = `${KAFKA_CLUSTER}-cluster-ca-cert`;

const persistentVolume = (size: string) => ({ type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size, deleteClaim: false, kraftMetadata: 'shared' }] });

/**
 * A KRaft cluster run by Strimzi (issue 25): three controllers and three brokers in node pools of
 * their own, so a broker can be lost, or rolled, without the quorum moving; replication factor 3 and
 * `min.insync.replicas` 2, so an acknowledged record (acks=all) is on two brokers at least.
 * Authorisation is the brokers' own (StandardAuthorizer, `simple`), with the ACLs of each KafkaUser.
 */
export function kafkaClusterManifests(): Manifest[] {
  const pool = (name: string, role: 'controller' | 'broker', size: string, memory: string) =>
    manifest(
      'kafka.strimzi.io/v1',
      'KafkaNodePool',
      name,
      'kafka',
      { spec: { replicas: 3, roles: [role], storage: persistentVolume(size), resources: { requests: { cpu: '500m', memory }, limits: { memory } } } },
      { 'strimzi.io/cluster': KAFKA_CLUSTER },
    );
  const kafka = manifest('kafka.strimzi.io/v1', 'Kafka', KAFKA_CLUSTER, 'kafka', {
    spec: {
      kafka: {
        listeners: [
          {
            ...KAFKA_SERVICES_LISTENER,
            type: 'internal',
            tls: true,
            authentication: { type: 'scram-sha-512' },
            // Only the hub's apps reach the services' listener.
            networkPolicyPeers: [{ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'app' } } }],
          },
          { ...KAFKA_MEMBERS_LISTENER, type: 'loadbalancer', tls: true, authentication: { type: 'scram-sha-512' } },
        ],
        authorization: { type: 'simple' },
        config: {
          'auto.create.topics.enable': false,
          'default.replication.factor': 3,
          'min.insync.replicas': 2,
          'offsets.topic.replication.factor': 3,
          'transaction.state.log.replication.factor': 3,
          'transaction.state.log.min.isr': 2,
        },
      },
      entityOperator: { topicOperator: {}, userOperator: {} },
    },
  });
  return [kafka, pool('controllers', 'controller', '20Gi', '2Gi'), pool('brokers', 'broker', '500Gi', '8Gi')];
}
