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
  const fields = ['hub-audit-checkpoint/1', checkpoint.topic, checkpoint.partition, checkpoint.lastOffset, checkpoint.entries, checkpoint.headHash.toString('hex'), checkpoint.sealedAt, checkpoint.keyId];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

/** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its SPKI form. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, privateKey: KeyObject): Checkpoint {
  const keyId = keyIdOf(privateKey);
  return { ...checkpoint, keyId, signature: sign(null, checkpointPayload({ ...checkpoint, keyId }), privateKey) };
}

/** Whether the signature is the named key's over the checkpoint as it stands; `keyId`, when known, saves deriving it again. */
export function checkpointSignedBy(checkpoint: Checkpoint, publicKey: KeyObject, keyId = keyIdOf(publicKey)): boolean {
  return keyId === checkpoint.keyId && verify(null, checkpointPayload(checkpoint), publicKey, checkpoint.signature);
}
