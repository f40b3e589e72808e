import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { MemberDirectory, memberTopics, memberTopicSpecs } from '@hub/gateway';
import { consumerOptionsFrom, HubKafkaServer, KafkaTopicAdmin } from '@hub/messaging';
import type { GatewayEnvironment } from '../gateway-environment.js';
import { ConsumerPattern } from './consumer-patterns.js';

/**
 * Starts the gateway's consumer group over every department's inbound topic and the findings
 * topic, creating the members' topics first. Members are read at start: a member registered later
 * is served over Kafka from the gateway's next start (HTTP serves it at once).
 */
export async function startGatewayConsumers(app: INestApplication, env: GatewayEnvironment): Promise<void> {
  const departments = (await app.get(MemberDirectory).list()).filter((member) => member.role === 'department');
  await app.get(KafkaTopicAdmin).ensureTopics([
    ...departments.flatMap((member) => memberTopicSpecs(member.id)),
    { topic: env.FINDINGS_TOPIC, numPartitions: env.CANONICAL_TOPIC_PARTITIONS },
  ]);
  const server = new HubKafkaServer({
    ...consumerOptionsFrom(env, `${env.SERVICE_NAME}.consumer`),
    topicFamilies: {
      [ConsumerPattern.Inbound]: departments.map((member) => memberTopics(member.id).inbound),
      [ConsumerPattern.Findings]: [env.FINDINGS_TOPIC],
    },
  });
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  new Logger('GatewayConsumers').log(`consuming the inbound topics of ${departments.length} department(s) and ${env.FINDINGS_TOPIC}`);
}
