import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { AccessAction } from '@hub/access';
import { AccessLog } from '@hub/members';
import { createKafkaClient, HubProducer, type KafkaSettings } from '@hub/messaging';
import type { CliEnvironment } from './cli-environment.js';
import type { CliOutput } from './cli-output.js';

/** The broker administrator's settings (JSON: brokers, clientId, sasl, tls), which `npm start` writes for the local hub. */
export const kafkaAdminOption = (env: CliEnvironment) => ['--kafka-admin <file>', "the broker administrator's settings, to give a department its Kafka principal", env.KAFKA_ADMIN_FILE] as const;

export function kafkaAdmin(file: string): KafkaSettings | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KafkaSettings) : undefined;
}

/**
 * Writes an operator's administration (members and keys, console users) to the access log before
 * it is done (issue 19: administration is a decision like any other), as `operator:<user>`;
 * without the broker's settings the command says it could not.
 */
export async function logAdministration(io: CliOutput, kafkaAdminFile: string, action: Extract<AccessAction, `administer-${string}`>, what: string, subject: string): Promise<void> {
  const admin = kafkaAdmin(kafkaAdminFile);
  if (!admin) {
    io.out(`(not in the access log: no broker settings in ${kafkaAdminFile}; give --kafka-admin)`);
    return;
  }
  const producer = new HubProducer(createKafkaClient({ ...admin, clientId: 'hub-administration', quiet: true }));
  try {
    await new AccessLog(producer).write({ member: `operator:${userInfo().username}`, action, resource: subject, allowed: true, reason: what }, 'http');
  } finally {
    await producer.disconnect();
  }
}
