import type { KeyObject } from 'node:crypto';
import { ChainVerifier, type ChainBreak } from '@hub/audit-chain';
import type { AuditStore } from './audit-store.js';

export interface AuditVerification {
  chains: number;
  entries: number;
  checkpoints: number;
  /** Entries after their chain's last checkpoint: chained, but not yet sealed. */
  unsealedEntries: number;
  /** The first break of each broken chain, in chain order; empty when the store is intact. */
  breaks: ChainBreak[];
}

export interface VerificationProgress {
  entriesDone: number;
  entriesTotal: number;
}

/**
 * Walks every chain of the audit store as far as it reached when the walk began (the audit may go
 * on appending meanwhile), recomputing each hash and checking each checkpoint against the trusted
 * keys. A broken chain is reported at its first break and the walk goes on with the next chain.
 * PostgreSQL streams a chain while the entries already read are hashed.
 */
export async function verifyAuditStore(store: AuditStore, trustedKeys: readonly KeyObject[], onProgress: (progress: VerificationProgress) => void = () => undefined): Promise<AuditVerification> {
  const chains = await store.chains();
  const entriesTotal = (await Promise.all(chains.map((chain) => store.head(chain)))).reduce((sum, head) => sum + (head?.entries ?? 0), 0);
  const result: AuditVerification = { chains: chains.length, entries: 0, checkpoints: 0, unsealedEntries: 0, breaks: [] };
  for (const chain of chains) {
    // Checkpoints first, then the head: every checkpoint read seals entries the head reaches, unless they were removed.
    const checkpoints = await store.checkpoints(chain);
    const end = BigInt((await store.head(chain))?.lastOffset ?? -1);
    result.checkpoints += checkpoints.length;
    const verifier = new ChainVerifier(chain.topic, chain.partition, checkpoints, trustedKeys);
    // After a break the rest of the chain is read but not looked at: a stream is not left half read.
    for await (const entries of store.streamEntries(chain, end.toString())) {
      if (!verifier.broken) for (const entry of entries) if (verifier.add(entry)) break;
      result.entries += entries.length;
      onProgress({ entriesDone: result.entries, entriesTotal });
    }
    const broken = verifier.finish();
    if (broken) result.breaks.push(broken);
    else result.unsealedEntries += verifier.verified - (checkpoints.at(-1)?.entries ?? 0);
  }
  return result;
}
