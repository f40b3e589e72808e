import '@hub/runtime'; // first: a Node.js older than 24.15 stops here, with a clear message
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfig, startProcess } from '@hub/config';
import { consumerOptionsFrom, createConsumerApp } from '@hub/messaging';
import { FACT_EVENT_TYPES } from '@hub/precise-aid';
import { CANONICAL_EVENTS } from './canonical-events.controller.js';
import { crosscheckConsumerGroup, CrosscheckEnvironment } from './crosscheck-environment.js';
import { CrosscheckModule } from './crosscheck.module.js';

async function bootstrap(): Promise<void> {
  const env = loadConfig(CrosscheckEnvironment);
  const app = await createConsumerApp(CrosscheckModule.forRoot(env), {
    ...consumerOptionsFrom(env, crosscheckConsumerGroup(env)),
    topicFamilies: { [CANONICAL_EVENTS]: FACT_EVENT_TYPES },
    partitionsAtOnce: env.CONSUMER_PARTITIONS_AT_ONCE,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  await app.startAllMicroservices();
  app.get(Logger).log(`crosscheck consuming ${FACT_EVENT_TYPES.length} canonical topics; findings to ${env.FINDINGS_TOPIC}; health on ${await app.getUrl()}/health/ready`);
}

startProcess('crosscheck', bootstrap);
