import type { KeyObject } from 'node:crypto';
import type { ChainBreak } from './chain-verifier.js';
import { checkpointSignedBy, type Checkpoint } from './checkpoint.js';

/**
 * A checkpoint as the audit also publishes it outside its store, on a Kafka topic: a witness that
 * someone able to rewrite the database cannot rewrite with it. Whoever removes the end of a chain
 * together with the checkpoints that sealed it still leaves the published ones behind.
 */
interface PublishedCheckpointDocument {
  topic: string;
  partition: number;
  lastOffset: string;
  entries: number;
  /** Hex. */
  headHash: string;
  sealedAt: string;
  keyId: string;
  /** Base64. */
  signature: string;
}

export function publishedCheckpoint(checkpoint: Checkpoint): string {
  const document: PublishedCheckpointDocument = {
    topic: checkpoint.topic,
    partition: checkpoint.partition,
    lastOffset: checkpoint.lastOffset,
    entries: checkpoint.entries,
    headHash: checkpoint.headHash.toString('hex'),
    sealedAt: checkpoint.sealedAt,
    keyId: checkpoint.keyId,
    signature: checkpoint.signature.toString('base64'),
  };
  return JSON.stringify(document);
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** The checkpoint a published record carries; undefined when the record is not one (its signature is checked where it is used). */
export function checkpointFromPublished(text: string): Checkpoint | undefined {
  let document: Partial<Record<keyof PublishedCheckpointDocument, unknown>>;
  try {
    document = JSON.parse(text) as typeof document;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { topic, partition, lastOffset, entries, headHash, sealedAt, keyId, signature } = document ?? {};
  if (!isText(topic) || !Number.isInteger(partition) || !isText(lastOffset) || !/^\d+$/.test(lastOffset) || !Number.isInteger(entries)) return undefined;
  if (!isText(headHash) || !/^[0-9a-f]{64}$/.test(headHash) || !isText(sealedAt) || !isText(keyId) || !isText(signature)) return undefined;
  return { topic, partition: partition as number, lastOffset, entries: entries as number, headHash: Buffer.from(headHash, 'hex'), sealedAt, keyId, signature: Buffer.from(signature, 'base64') };
}

/**
 * Whether the store still holds what a published checkpoint sealed: the entry at its last offset,
 * with its head hash (the hash covers every entry before it, which the walk of the chain checks).
 * `entry` is what the store has at that offset, if anything.
 */
export function publishedCheckpointBreak(checkpoint: Checkpoint, publishedOn: string, trustedKeys: readonly KeyObject[], entry: { hash: Buffer } | undefined): ChainBreak | undefined {
  const { topic, partition, lastOffset, entries, sealedAt, keyId } = checkpoint;
  const broken = (kind: ChainBreak['kind'], message: string): ChainBreak => ({ kind, topic, partition, offset: lastOffset, position: entries, message: `${topic}/${partition}: ${message}` });
  const published = `the checkpoint published on ${publishedOn}, sealed at ${sealedAt} up to offset ${lastOffset} (entry ${entries})`;
  if (!trustedKeys.some((key) => checkpointSignedBy(checkpoint, key))) return broken('checkpoint-signature', `${published}, is not signed by a trusted key (it names key ${keyId})`);
  if (!entry) return broken('entries-missing', `${published}, seals entries the store no longer has: the end of the chain was removed, with the checkpoints the store kept`);
  if (!entry.hash.equals(checkpoint.headHash)) {
    return broken('checkpoint-mismatch', `${published}, says that entry has hash ${checkpoint.headHash.toString('hex').slice(0, 16)}…; the store has ${entry.hash.toString('hex').slice(0, 16)}…`);
  }
  return undefined;
}
