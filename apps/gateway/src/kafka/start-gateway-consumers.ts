import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { GatewayContracts } from '@hub/gateway';
import { MemberDirectory } from '@hub/members';
import { canonicalTopicSpec, consumerOptionsFrom, HubKafkaServer, KafkaTopicAdmin, memberOfInboundTopic, memberTopicSpecs } from '@hub/messaging';
import { gatewayConsumerGroup, type GatewayEnvironment } from '../gateway-environment.js';
import { ConsumerPattern } from './consumer-patterns.js';

/** How often the gateway looks for the inbound topic of a member added while it runs. */
const NEW_MEMBER_TOPICS_MS = 5000;

/**
 * Starts the gateway's consumer group over every department's inbound topic, the findings topic
 * and the canonical topics that share facts, creating them first. A department added while the
 * gateway runs (`hub members add` creates its topics) is consumed within twice NEW_MEMBER_TOPICS_MS.
 * Sharing contracts are read at start.
 */
export async function startGatewayConsumers(app: INestApplication, env: GatewayEnvironment): Promise<void> {
  const contracts = app.get(GatewayContracts);
  await contracts.loadedOnce;
  const sharingTopics = contracts.sharingTopics();
  const directory = app.get(MemberDirectory);
  const departmentsNow = async () => (await directory.list()).filter((member) => member.role === 'department');
  const departments = await departmentsNow();
  // The selector below is synchronous; the departments it keeps are looked up again as often as it is asked.
  let departmentIds = new Set(departments.map((member) => member.id));
  const lookAgain = setInterval(() => {
    departmentsNow()
      .then((now) => (departmentIds = new Set(now.map((member) => member.id))))
      .catch((error: unknown) => {
        new Logger('GatewayConsumers').warn({ err: error }, 'could not look up the members; their inbound topics stay as they were');
      });
  }, NEW_MEMBER_TOPICS_MS);
  lookAgain.unref();
  await app
    .get(KafkaTopicAdmin)
    .ensureTopics([
      ...departments.flatMap((member) => memberTopicSpecs(member.id)),
      ...[env.FINDINGS_TOPIC, ...sharingTopics].map((topic) => canonicalTopicSpec(topic, env.CANONICAL_TOPIC_PARTITIONS)),
    ]);
  const server = new HubKafkaServer({
    ...consumerOptionsFrom(env, gatewayConsumerGroup(env)),
    topicRefreshMs: NEW_MEMBER_TOPICS_MS,
    topicFamilies: {
      [ConsumerPattern.Inbound]: (brokerTopics) => brokerTopics.filter((topic) => departmentIds.has(memberOfInboundTopic(topic) ?? '')),
      [ConsumerPattern.Findings]: [env.FINDINGS_TOPIC],
      [ConsumerPattern.SharedFacts]: sharingTopics,
    },
  });
  app.connectMicroservice({ strategy: server });
  await app.startAllMicroservices();
  new Logger('GatewayConsumers').log(
    `consuming the inbound topics of ${departments.length} department(s), ${env.FINDINGS_TOPIC}, ${sharingTopics.length} topic(s) that share facts, and the crosscheck's judgements of bulk loads`,
  );
}
