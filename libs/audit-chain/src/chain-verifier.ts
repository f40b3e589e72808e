import { EntryHasher, GENESIS_HASH } from './entry-hash.js';
import type { Checkpoint } from './checkpoint.js';
import type { StoredEntryView } from './stored-entry-view.js';

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
  | 'checkpoint-signature'
  /** The broker holds a record at an offset the chain skips (compareChainWithPartition). */
  | 'offset-skipped'
  /** An entry is at or after the end of its partition on the broker. */
  | 'beyond-partition-end';

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
 * checkpoint against the chain at its position; stops at the first break. A checkpoint not signed
 * by a trusted key is a break where it stands.
 */
export class ChainVerifier {
  /** The last entry's hash, copied out of the view it came in. */
  private readonly expectedPrevious = Buffer.from(GENESIS_HASH);
  private position = 0;
  private nextCheckpoint = 0;
  private found?: ChainBreak;
  private readonly hasher: EntryHasher;

  constructor(
    private readonly topic: string,
    private readonly partition: number,
    /** The chain's checkpoints, fewest entries first. */
    private readonly checkpoints: readonly Checkpoint[],
    /** Those of them signed by a trusted key (`checkpointsSignedByAnyOf`). */
    private readonly signed: ReadonlySet<Checkpoint>,
  ) {
    this.hasher = new EntryHasher(topic, partition);
  }

  /** Entries checked so far. */
  get verified(): number {
    return this.position;
  }

  get broken(): ChainBreak | undefined {
    return this.found;
  }

  /** Checks the next entry; once the chain is broken, the rest are not looked at. */
  add(entry: StoredEntryView): ChainBreak | undefined {
    if (this.found) return this.found;
    this.position++;
    const { bytes, previousHashStart, previousHashEnd } = entry;
    if (bytes.compare(this.expectedPrevious, 0, this.expectedPrevious.length, previousHashStart, previousHashEnd) !== 0) {
      return this.fail('link-broken', entry.offset, `the entry at offset ${entry.offset} does not link to the entry before it: an entry was removed, moved or added before it`);
    }
    if (!this.hasher.matchesStored(entry)) {
      return this.fail('entry-modified', entry.offset, `the entry at offset ${entry.offset} was changed after it was recorded: its content no longer gives its hash`);
    }
    bytes.copy(this.expectedPrevious, 0, entry.hashStart, entry.hashEnd);
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

  private checkSeal(checkpoint: Checkpoint, entry: StoredEntryView): ChainBreak | undefined {
    if (!this.signed.has(checkpoint)) {
      return this.fail(
        'checkpoint-signature',
        checkpoint.lastOffset,
        `the checkpoint sealed at ${checkpoint.sealedAt} up to offset ${checkpoint.lastOffset} is not signed by a trusted key (it names key ${checkpoint.keyId})`,
      );
    }
    const { bytes, hashStart, hashEnd } = entry;
    if (checkpoint.lastOffset !== entry.offset || bytes.compare(checkpoint.headHash, 0, checkpoint.headHash.length, hashStart, hashEnd) !== 0) {
      return this.fail(
        'checkpoint-mismatch',
        entry.offset,
        `the checkpoint sealed at ${checkpoint.sealedAt} says entry ${checkpoint.entries} is offset ${checkpoint.lastOffset} with hash ${checkpoint.headHash.toString('hex').slice(0, 16)}…; the chain has offset ${entry.offset} with hash ${bytes.toString('hex', hashStart, Math.min(hashEnd, hashStart + 8))}…`,
      );
    }
    return undefined;
  }

  private fail(kind: ChainBreakKind, offset: string, message: string, position = this.position): ChainBreak {
    this.found = { kind, topic: this.topic, partition: this.partition, offset, position, message: `${this.topic}/${this.partition}: ${message}` };
    return this.found;
  }
}
