import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A seal on a chain up to an entry: signed, so rewriting the chain before it cannot go unnoticed. */
export interface Checkpoint {
  topic: string;
  partition: number;
  /** The offset of the last entry sealed. */
  lastOffset: string;
  /** How many entries the chain has up to and including it. */
  entries: number;
  /** That entry's hash. */
  headHash: Buffer;
  /** ISO 8601. */
  sealedAt: string;
  /** Which key signed it (keyIdOf the public key). */
  keyId: string;
  /** Ed25519 over checkpointPayload. */
  signature: Buffer;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'keyId' | 'signature'>;

/** The bytes a checkpoint's signature covers: every field but the signature, in a fixed order. */
export function checkpointPayload(checkpoint: UnsignedCheckpoint & { keyId: string }): Buffer {
  const fields = [
    'hub-audit-checkpoint/1',
    checkpoint.topic,
    checkpoint.partition,
    checkpoint.lastOffset,
    checkpoint.entries,
    checkpoint.headHash.toString('hex'),
    checkpoint.sealedAt,
    checkpoint.keyId,
  ];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

/** Key objects never change, so their ids are worked out once. */
const keyIds = new WeakMap<KeyObject, string>();

/** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its SPKI form. */
export function keyIdOf(key: KeyObject): string {
  const known = keyIds.get(key);
  if (known) return known;
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const id = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  keyIds.set(key, id);
  return id;
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, privateKey: KeyObject): Checkpoint {
  const keyId = keyIdOf(privateKey);
  return { ...checkpoint, keyId, signature: sign(null, checkpointPayload({ ...checkpoint, keyId }), privateKey) };
}

/** Whether the signature is the named key's over the checkpoint as it stands. */
export function checkpointSignedBy(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  return keyIdOf(publicKey) === checkpoint.keyId && verify(null, checkpointPayload(checkpoint), publicKey, checkpoint.signature);
}

/** Signatures checked at once: enough to keep the thread pool busy, few enough not to flood it. */
const SIGNATURES_AT_ONCE = 64;

/**
 * The checkpoints whose signature is one of the trusted keys' over their content. Checked on
 * libuv's thread pool, on every core: an Ed25519 check costs about 0.2 ms, and a store kept for
 * long holds a checkpoint per chain for every seal in which the chain moved.
 */
export async function checkpointsSignedByAnyOf(checkpoints: readonly Checkpoint[], trustedKeys: readonly KeyObject[]): Promise<Set<Checkpoint>> {
  const keysById = new Map(trustedKeys.map((key) => [keyIdOf(key), key]));
  const signed = new Set<Checkpoint>();
  const check = (checkpoint: Checkpoint) =>
    new Promise<void>((resolve, reject) => {
      const key = keysById.get(checkpoint.keyId);
      if (!key) {
        resolve();
        return;
      }
      verify(null, checkpointPayload(checkpoint), key, checkpoint.signature, (error, valid) => {
        if (error) {
          reject(error);
          return;
        }
        if (valid) signed.add(checkpoint);
        resolve();
      });
    });
  for (let first = 0; first < checkpoints.length; first += SIGNATURES_AT_ONCE) await Promise.all(checkpoints.slice(first, first + SIGNATURES_AT_ONCE).map(check));
  return signed;
}
