import { ErrorCode, HubError } from '@hub/errors';
import { compactBytes, EMPTY_TAGS, requestFrame, string, WireReader } from '../fetch/wire-encoding.js';
import type { KafkaSasl } from './kafka-credentials.js';
import { ScramClient, ScramError } from './scram-client.js';

/** What the exchange needs of a connection (a `BrokerConnection`): named here, so this module does not import the connection that calls it. */
export interface SaslConnection {
  readonly address: string;
  correlationId(): number;
  send(frame: Buffer, correlationId: number): Promise<Buffer>;
}

const SASL_HANDSHAKE = { key: 17, version: 1 };
/** v2 is the first flexible version, which Kafka 4 serves as it does v0 and v1. */
const SASL_AUTHENTICATE = { key: 36, version: 2 };

function refused(connection: SaslConnection, sasl: KafkaSasl, why: string): HubError {
  return new HubError(ErrorCode.Unauthenticated, `broker ${connection.address} refused ${sasl.username} (${sasl.mechanism}): ${why}`, {
    context: { broker: connection.address, principal: sasl.username },
  });
}

/**
 * Authenticates a fresh connection with SASL, as every client of an authenticating listener must
 * before any other request: the mechanism handshake, then the exchange (PLAIN: one message;
 * SCRAM-SHA-512: two, the broker's proof checked).
 */
export async function authenticateConnection(connection: SaslConnection, clientId: string, sasl: KafkaSasl): Promise<void> {
  const mechanism = sasl.mechanism === 'plain' ? 'PLAIN' : 'SCRAM-SHA-512';
  let id = connection.correlationId();
  const handshake = new WireReader(await connection.send(requestFrame(SASL_HANDSHAKE.key, SASL_HANDSHAKE.version, id, clientId, string(mechanism), false), id));
  const handshakeError = handshake.int16();
  if (handshakeError !== 0) throw refused(connection, sasl, `the listener does not offer ${mechanism} (error ${handshakeError})`);

  const exchange = async (message: string): Promise<string> => {
    id = connection.correlationId();
    const body = Buffer.concat([compactBytes(Buffer.from(message, 'utf8')), EMPTY_TAGS]);
    const answer = new WireReader(await connection.send(requestFrame(SASL_AUTHENTICATE.key, SASL_AUTHENTICATE.version, id, clientId, body, true), id));
    answer.tags(); // response header v1
    const errorCode = answer.int16();
    const errorMessage = answer.compactString();
    const bytes = answer.compactBytes();
    if (errorCode !== 0) throw refused(connection, sasl, errorMessage ?? `error ${errorCode}`);
    return bytes?.toString('utf8') ?? '';
  };

  if (sasl.mechanism === 'plain') {
    await exchange(`\0${sasl.username}\0${sasl.password}`);
    return;
  }
  const scram = new ScramClient(sasl.username, sasl.password, 'sha512');
  try {
    const serverFirst = await exchange(scram.first());
    scram.verify(await exchange(scram.final(serverFirst)));
  } catch (error) {
    if (error instanceof ScramError) throw refused(connection, sasl, error.message);
    throw error;
  }
}
