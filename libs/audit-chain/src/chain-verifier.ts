import type { KeyObject } from 'node:crypto';
import { EntryHasher, GENESIS_HASH } from './entry-hash.js';
import type { StoredEntry } from './chain-record.js';
import { checkpointSignedBy, keyIdOf, type Checkpoint } from './checkpoint.js';

export type ChainBreakKind =
  /** An entry's content no longer gives its hash. */
  | 'entry-modified'
  /** An entry does not link to the one before it: an entry before it was removed, moved or added. */
  | 'link-broken'
  /** The chain at a checkpoint's position is not what the checkpoint sealed. */
  | 'checkpoint-mismatch'
  /** A checkpoint seals entries the store no longer has. */
  | 'entries-missing'
  /** A checkpoint's signature is not a trusted key's over its content. */
  | 'checkpoint-signature';

/** The first place a chain is not what was recorded. */
export interface ChainBreak {
  kind: ChainBreakKind;
  topic: string;
  partition: number;
  /** The offset of the entry (or the checkpoint's last offset) where it shows. */
  offset: string;
  /** 1-based position of that entry in the chain. */
  position: number;
  message: string;
}

/**
 * Walks one topic partition's chain in offset order, recomputing every hash and checking every
 * checkpoint against the trusted public keys; stops at the first break.
 */
export class ChainVerifier {
  private expectedPrevious = GENESIS_HASH;
  private position = 0;
  private nextCheckpoint = 0;
  private found?: ChainBreak;
  private readonly hasher: EntryHasher;
  private readonly trusted: { key: KeyObject; id: string }[];

  constructor(
    private readonly topic: string,
    private readonly partition: number,
    /** The chain's checkpoints, fewest entries first. */
    private readonly checkpoints: readonly Checkpoint[],
    trustedKeys: readonly KeyObject[],
  ) {
    this.hasher = new EntryHasher(topic, partition);
    this.trusted = trustedKeys.map((key) => ({ key, id: keyIdOf(key) }));
  }

  /** Entries checked so far. */
  get verified(): number {
    return this.position;
  }

  get broken(): ChainBreak | undefined {
    return this.found;
  }

  /** Checks the next entry; once the chain is broken, the rest are not looked at. */
  add(entry: StoredEntry): ChainBreak | undefined {
    if (this.found) return this.found;
    this.position++;
    if (!entry.previousHash.equals(this.expectedPrevious)) {
      return this.fail('link-broken', entry.offset, `the entry at offset ${entry.offset} does not link to the entry before it: an entry was removed, moved or added before it`);
    }
    if (!this.hasher.matches(this.expectedPrevious, entry, entry.hash)) {
      return this.fail('entry-modified', entry.offset, `the entry at offset ${entry.offset} was changed after it was recorded: its content no longer gives its hash`);
    }
    this.expectedPrevious = entry.hash;
    const checkpoint = this.checkpoints[this.nextCheckpoint];
    if (checkpoint && checkpoint.entries === this.position) {
      this.nextCheckpoint++;
      return this.checkSeal(checkpoint, entry);
    }
    return undefined;
  }

  /** After the last entry: a checkpoint sealing more entries than the chain has means entries were removed. */
  finish(): ChainBreak | undefined {
    if (this.found) return this.found;
    const checkpoint = this.checkpoints[this.nextCheckpoint];
    if (!checkpoint) return undefined;
    return this.fail(
      'entries-missing',
      checkpoint.lastOffset,
      `the checkpoint sealed at ${checkpoint.sealedAt} covers ${checkpoint.entries} entries up to offset ${checkpoint.lastOffset}, but the chain ends after ${this.position}`,
      checkpoint.entries,
    );
  }

  private checkSeal(checkpoint: Checkpoint, entry: StoredEntry): ChainBreak | undefined {
    if (!this.trusted.some(({ key, id }) => checkpointSignedBy(checkpoint, key, id))) {
      return this.fail('checkpoint-signature', checkpoint.lastOffset, `the checkpoint sealed at ${checkpoint.sealedAt} up to offset ${checkpoint.lastOffset} is not signed by a trusted key (it names key ${checkpoint.keyId})`);
    }
    if (checkpoint.lastOffset !== entry.offset || !checkpoint.headHash.equals(entry.hash)) {
      return this.fail(
        'checkpoint-mismatch',
        entry.offset,
        `the checkpoint sealed at ${checkpoint.sealedAt} says entry ${checkpoint.entries} is offset ${checkpoint.lastOffset} with hash ${checkpoint.headHash.toString('hex').slice(0, 16)}…; the chain has offset ${entry.offset} with hash ${entry.hash.toString('hex').slice(0, 16)}…`,
      );
    }
    return undefined;
  }

  private fail(kind: ChainBreakKind, offset: string, message: string, position = this.position): ChainBreak {
    this.found = { kind, topic: this.topic, partition: this.partition, offset, position, message: `${this.topic}/${this.partition}: ${message}` };
    return this.found;
  }
}
