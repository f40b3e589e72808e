import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

export type ScramHash = 'sha256' | 'sha512';

const HASH_BYTES: Record<ScramHash, number> = { sha256: 32, sha512: 64 };
/** The GS2 header of a client that neither binds the channel nor acts for another: "n,,", base64 "biws". */
const GS2_HEADER = 'n,,';

/** A SCRAM exchange the server broke off or answered wrongly. */
export class ScramError extends Error {
  override readonly name = 'ScramError';
}

/** The password salted as SCRAM stores it (RFC 5802 Hi()); the broker keeps this, never the password. */
export function saltedPassword(password: string, salt: Buffer, iterations: number, hash: ScramHash): Buffer {
  return pbkdf2Sync(password.normalize('NFKC'), salt, iterations, HASH_BYTES[hash], hash);
}

const escapeName = (name: string) => name.replace(/=/g, '=3D').replace(/,/g, '=2C');

function attributes(message: string): Map<string, string> {
  return new Map(message.split(',').map((part) => [part.slice(0, 1), part.slice(2)] as [string, string]));
}

/**
 * The client side of one SCRAM exchange (RFC 5802, RFC 7677): first message, the answer to the
 * server's challenge with the client proof, and the check of the server's signature, so a client
 * also knows it spoke to a server that holds its credential.
 */
export class ScramClient {
  private readonly firstBare: string;
  private expectedServerSignature: Buffer | undefined;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly hash: ScramHash,
    private readonly nonce = randomBytes(24).toString('base64url'),
  ) {
    this.firstBare = `n=${escapeName(username)},r=${this.nonce}`;
  }

  first(): string {
    return `${GS2_HEADER}${this.firstBare}`;
  }

  /** The client-final message for the server's challenge (`r=…,s=…,i=…`). */
  final(serverFirst: string): string {
    const challenge = attributes(serverFirst);
    const nonce = challenge.get('r');
    const salt = challenge.get('s');
    const iterations = Number(challenge.get('i'));
    if (challenge.has('e')) throw new ScramError(`the broker refused the SCRAM exchange for ${this.username}: ${challenge.get('e')}`);
    if (!nonce?.startsWith(this.nonce) || !salt || !Number.isInteger(iterations) || iterations < 1) throw new ScramError(`the broker's SCRAM challenge is malformed: ${serverFirst}`);
    const salted = saltedPassword(this.password, Buffer.from(salt, 'base64'), iterations, this.hash);
    const clientKey = this.hmac(salted, 'Client Key');
    const storedKey = createHash(this.hash).update(clientKey).digest();
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${nonce}`;
    const authMessage = `${this.firstBare},${serverFirst},${withoutProof}`;
    const signature = this.hmac(storedKey, authMessage);
    const proof = Buffer.from(clientKey.map((byte, i) => byte ^ signature[i]));
    this.expectedServerSignature = this.hmac(this.hmac(salted, 'Server Key'), authMessage);
    return `${withoutProof},p=${proof.toString('base64')}`;
  }

  /** Checks the server-final message; throws unless the server proved it holds the credential. */
  verify(serverFinal: string): void {
    const answer = attributes(serverFinal);
    if (answer.has('e')) throw new ScramError(`the broker refused the SCRAM credentials of ${this.username}: ${answer.get('e')}`);
    const signature = Buffer.from(answer.get('v') ?? '', 'base64');
    if (!this.expectedServerSignature || !signature.equals(this.expectedServerSignature))
      throw new ScramError('the broker did not prove that it holds the SCRAM credential (server signature mismatch)');
  }

  private hmac(key: Buffer, text: string): Buffer {
    return createHmac(this.hash, key).update(text).digest();
  }
}
