import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { GatewayContracts, memberTopics, memberTopicSpecs } from '@hub/gateway';
import { MemberDirectory } from '@hub/members';
import { consumerOptionsFrom, HubKafkaServer, KafkaTopicAdmin } from '@hub/messaging';
import type { GatewayEnvironment } from '../gateway-environment.js';
import { ConsumerPattern } from './consumer-patterns.js';

/**
 * Starts the gateway's consumer group over every department's inbound topic, the findings topic
 * and the canonical topics that share facts, creating them first. Members and sharing contracts
 * are read at start: one registered later is served over Kafka from the gateway's next start
 * (HTTP serves a new member at once).
 */
export async function startGatewayConsumers(app: INestApplication, env: GatewayEnvironment): Promise<void> {
  const contracts = app.get(GatewayContracts);
  await contracts.loadedOnce;
  const sharingTopics = contracts.sharingTopics();
  const departments = (await app.get(MemberDirectory).list()).filter((member) => member.role === 'department');
  await app.get(KafkaTopicAdmin).ensureTopics([
    ...departments.flatMap((member) => memberTopicSpecs(member.id)),
    ...[env.FINDINGS_TOPIC, ...sharingTopics].map((topic) => ({ topic, numPartitions: env.CANONICAL_TOPIC_PARTITIONS })),
  ]);
  const server = new HubKafkaServer({
    ...consumerOptionsFrom(env, `${env.SERVICE_NAME}.consumer`),
    topicFamilies: {
      [ConsumerPattern.Inbound]: departments.map((member) => memberTopics(member.id).inbound),
      [ConsumerPattern.Findings]: [env.FINDINGS_TOPIC],
      [ConsumerPattern.SharedFacts]: sharingTopics,
    },
  });
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  new Logger('GatewayConsumers').log(`consuming the inbound topics of ${departments.length} department(s), ${env.FINDINGS_TOPIC}, and ${sharingTopics.length} topic(s) that share facts`);
}
