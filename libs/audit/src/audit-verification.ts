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

const PAGE = 10_000;

/**
 * Walks every chain of the audit store, recomputing each hash and checking each checkpoint
 * against the trusted keys. A broken chain is reported at its first break and the walk goes on
 * with the next chain. The next page is read while the current one is hashed.
 */
export async function verifyAuditStore(store: AuditStore, trustedKeys: readonly KeyObject[], onProgress: (progress: VerificationProgress) => void = () => undefined): Promise<AuditVerification> {
  const chains = await store.chains();
  const heads = await Promise.all(chains.map((chain) => store.head(chain)));
  const entriesTotal = heads.reduce((sum, head) => sum + (head?.entries ?? 0), 0);
  const result: AuditVerification = { chains: chains.length, entries: 0, checkpoints: 0, unsealedEntries: 0, breaks: [] };
  for (const chain of chains) {
    const checkpoints = await store.checkpoints(chain);
    result.checkpoints += checkpoints.length;
    const verifier = new ChainVerifier(chain.topic, chain.partition, checkpoints, trustedKeys);
    let page = store.entriesAfter(chain, '-1', PAGE);
    for (;;) {
      const entries = await page;
      const last = entries.at(-1);
      if (!last) break;
      page = store.entriesAfter(chain, last.offset, PAGE);
      for (const entry of entries) if (verifier.add(entry)) break;
      result.entries += entries.length;
      onProgress({ entriesDone: result.entries, entriesTotal });
      if (verifier.broken) {
        await page;
        break;
      }
    }
    const broken = verifier.finish();
    if (broken) result.breaks.push(broken);
    else result.unsealedEntries += verifier.verified - (checkpoints.at(-1)?.entries ?? 0);
  }
  return result;
}
