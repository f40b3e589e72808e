import { randomBytes } from 'node:crypto';
import { ErrorCode, HubError } from '@hub/errors';
import { BrokerConnection } from '../fetch/broker-connection.js';
import { compactArray, compactBytes, compactString, EMPTY_TAGS, int32, int8, requestFrame, WireReader } from '../fetch/wire-encoding.js';
import type { KafkaSettings } from '../kafka-settings.js';
import { saltedPassword } from './scram-client.js';

/** AlterUserScramCredentials v0 (KIP-554), which kafkajs does not offer; flexible from its first version. */
const ALTER_USER_SCRAM_CREDENTIALS = { key: 51, version: 0 };
const SCRAM_SHA_512 = 2;
/** Kafka's own minimum for SCRAM-SHA-512 is 4096. */
const ITERATIONS = 8192;
/** Deleting a credential that is not there. */
const RESOURCE_NOT_FOUND = 91;

export interface ScramCredentialChange {
  /** Users whose SCRAM-SHA-512 credential is set to this password (created or replaced). */
  upsert?: readonly { user: string; password: string }[];
  /** Users whose SCRAM-SHA-512 credential is removed (absent ones are fine). */
  remove?: readonly string[];
}

function requestBody(change: ScramCredentialChange): Buffer {
  const deletions = (change.remove ?? []).map((user) => Buffer.concat([compactString(user), int8(SCRAM_SHA_512), EMPTY_TAGS]));
  const upsertions = (change.upsert ?? []).map(({ user, password }) => {
    const salt = randomBytes(32);
    return Buffer.concat([compactString(user), int8(SCRAM_SHA_512), int32(ITERATIONS), compactBytes(salt), compactBytes(saltedPassword(password, salt, ITERATIONS, 'sha512')), EMPTY_TAGS]);
  });
  return Buffer.concat([compactArray(deletions), compactArray(upsertions), EMPTY_TAGS]);
}

/**
 * Sets and removes SCRAM-SHA-512 credentials on the cluster, as an administrator (the principal
 * needs ALTER on the cluster). Only the salted password leaves this process, as SCRAM intends.
 */
export async function alterScramCredentials(settings: KafkaSettings, change: ScramCredentialChange): Promise<void> {
  if ((change.upsert?.length ?? 0) + (change.remove?.length ?? 0) === 0) return;
  const [host, port] = settings.brokers[0].split(':') as [string, string];
  const connection = await BrokerConnection.open(host, Number(port), {
    clientId: settings.clientId,
    timeoutMs: settings.connectionTimeoutMs ?? 3000,
    ...(settings.tls ? { tls: settings.tls } : {}),
    ...(settings.sasl ? { sasl: settings.sasl } : {}),
  });
  try {
    const id = connection.correlationId();
    const answer = new WireReader(await connection.send(requestFrame(ALTER_USER_SCRAM_CREDENTIALS.key, ALTER_USER_SCRAM_CREDENTIALS.version, id, settings.clientId, requestBody(change), true), id));
    answer.tags();
    answer.int32(); // throttle time
    const failures: string[] = [];
    for (let count = answer.unsignedVarint() - 1, i = 0; i < count; i++) {
      const user = answer.compactString();
      const errorCode = answer.int16();
      const message = answer.compactString();
      answer.tags();
      const removedAbsent = errorCode === RESOURCE_NOT_FOUND && (change.remove ?? []).includes(user ?? '');
      if (errorCode !== 0 && !removedAbsent) failures.push(`${user}: ${message ?? `error ${errorCode}`}`);
    }
    if (failures.length > 0) throw new HubError(ErrorCode.KafkaPublishFailed, `the broker refused to change SCRAM credentials: ${failures.join('; ')}`);
  } finally {
    connection.close();
  }
}
