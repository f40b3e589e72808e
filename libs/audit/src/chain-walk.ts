import type { KeyObject } from 'node:crypto';
import type { ChainBreak, Checkpoint } from '@hub/audit-chain';
import type { Chain } from './audit-store.js';

/** One chain for a walker to verify: up to the offset its head had when the walk began, against the checkpoints read before that. */
export interface ChainJob extends Chain {
  index: number;
  upToOffset: string;
  checkpoints: Checkpoint[];
}

/** What a walker is given: where the store is, whom to trust, which chains. */
export interface ChainWalkOrder {
  databaseUrl: string;
  trustedKeys: KeyObject[];
  jobs: ChainJob[];
}

export interface ChainOutcome {
  entries: number;
  checkpoints: number;
  unsealed: number;
  broken?: ChainBreak;
}

/** What a walker reports, as it goes: entries checked since its last report, and each chain's outcome. */
export type ChainWalkMessage = { kind: 'progress'; entries: number } | { kind: 'chain'; index: number; outcome: ChainOutcome };
