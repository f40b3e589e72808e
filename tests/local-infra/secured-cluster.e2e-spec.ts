/**
 * `HUB_KAFKA_NODES=3 npm start` (issue 25): a three-node KRaft cluster with authentication, as the
 * launcher starts it. Its nodes share one security folder (the administrator's password, the TLS key
 * of the members' listener) and start at the same moment; each once rewrote the secrets file as
 * another read it, and the start failed with "Unexpected end of JSON input".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot, freePortRun, LocalKafkaCluster } from '@hub/local-infra';
import { createKafkaClient } from '@hub/messaging';

describe('a local three-node Kafka cluster with authentication', () => {
  let folder: string;
  let cluster: LocalKafkaCluster | undefined;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-secured-cluster-'));
  });

  afterAll(async () => {
    await cluster?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('starts, its nodes sharing one administrator and one TLS key, and lets the administrator in to all three', async () => {
    cluster = await LocalKafkaCluster.start({ projectRoot: findProjectRoot(), dataDir: join(folder, 'kafka'), port: await freePortRun(12), nodes: 3, heapMb: 256, secure: true, log: () => undefined });
    const admin = createKafkaClient({ ...cluster.security!.admin, clientId: 'secured-cluster-test', quiet: true }).admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).brokers.map((broker) => broker.nodeId).sort()).toEqual([1, 2, 3]);
    } finally {
      await admin.disconnect();
    }
    expect(cluster.security!.membersBootstrap.split(',')).toHaveLength(3);
  });
});
