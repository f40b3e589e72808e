import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, startProcess } from '@hub/config';
import { consumerOptionsFrom, createConsumerApp } from '@hub/messaging';
import { AuditEnvironment } from './audit-environment.js';
import { AuditModule } from './audit.module.js';
import { EVERY_TOPIC } from './audited-records.controller.js';

function topicPattern(env: AuditEnvironment): RegExp {
  try {
    return new RegExp(env.AUDIT_TOPICS);
  } catch (error) {
    throw new ConfigError([{ variable: 'AUDIT_TOPICS', reasons: [`not a regular expression: ${(error as Error).message}`] }]);
  }
}

async function bootstrap(): Promise<void> {
  const env = loadConfig(AuditEnvironment);
  const recorded = topicPattern(env);
  const app = await createConsumerApp(AuditModule.forRoot(env), {
    ...consumerOptionsFrom(env, env.SERVICE_NAME),
    deadLetterTopic: env.AUDIT_DEAD_LETTER_TOPIC,
    // The published checkpoints are signed already, and recording them would seal their chain again at every seal.
    topicFamilies: { [EVERY_TOPIC]: (brokerTopics) => brokerTopics.filter((topic) => recorded.test(topic) && topic !== env.AUDIT_CHECKPOINT_TOPIC && topic !== env.AUDIT_DEAD_LETTER_TOPIC) },
    topicRefreshMs: env.AUDIT_TOPIC_REFRESH_MS,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  await app.startAllMicroservices();
  app
    .get(Logger)
    .log(
      `audit recording the topics matching /${env.AUDIT_TOPICS}/; checkpoints every ${env.AUDIT_SEAL_INTERVAL_MS} ms, published on ${env.AUDIT_CHECKPOINT_TOPIC}; health on ${await app.getUrl()}/health/ready`,
    );
}

startProcess('audit', bootstrap);
