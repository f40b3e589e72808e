import type { KeyObject } from 'node:crypto';
import { chainName, ChainVerifier, type ChainBreak } from '@hub/audit-chain';
import type { AuditStore, Chain } from './audit-store.js';

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

/** Chains walked at once: while one waits for PostgreSQL (a query, the start of a COPY), the other is hashed. */
const CHAINS_AT_ONCE = 2;

/**
 * Walks every chain of the audit store as far as it reached when the walk began (the audit may go
 * on appending meanwhile), recomputing each hash and checking each checkpoint against the trusted
 * keys. A broken chain is reported at its first break and the walk goes on with the other chains.
 * PostgreSQL streams a chain while the entries already read are hashed.
 */
export async function verifyAuditStore(store: AuditStore, trustedKeys: readonly KeyObject[], onProgress: (progress: VerificationProgress) => void = () => undefined): Promise<AuditVerification> {
  const chains = await store.chains();
  // Checkpoints first, then the heads: every checkpoint read seals entries the head reaches, unless they were removed.
  const checkpoints = await store.checkpoints();
  const heads = await store.heads();
  const entriesTotal = [...heads.values()].reduce((sum, head) => sum + head.entries, 0);
  let entriesDone = 0;

  const verifyChain = async (chain: Chain) => {
    const name = chainName(chain.topic, chain.partition);
    const sealed = checkpoints.get(name) ?? [];
    const verifier = new ChainVerifier(chain.topic, chain.partition, sealed, trustedKeys);
    let entries = 0;
    // After a break the rest of the chain is read but not looked at: a stream is not left half read.
    for await (const page of store.streamEntries(chain, heads.get(name)?.lastOffset ?? '-1')) {
      if (!verifier.broken) for (const entry of page) if (verifier.add(entry)) break;
      entries += page.length;
      entriesDone += page.length;
      onProgress({ entriesDone, entriesTotal });
    }
    const broken = verifier.finish();
    return { entries, checkpoints: sealed.length, broken, unsealed: broken ? 0 : verifier.verified - (sealed.at(-1)?.entries ?? 0) };
  };

  const outcomes: Awaited<ReturnType<typeof verifyChain>>[] = [];
  let next = 0;
  const walker = async () => {
    for (let i = next++; i < chains.length; i = next++) outcomes[i] = await verifyChain(chains[i]!);
  };
  await Promise.all(Array.from({ length: CHAINS_AT_ONCE }, walker));
  return {
    chains: chains.length,
    entries: outcomes.reduce((sum, o) => sum + o.entries, 0),
    checkpoints: outcomes.reduce((sum, o) => sum + o.checkpoints, 0),
    unsealedEntries: outcomes.reduce((sum, o) => sum + o.unsealed, 0),
    breaks: outcomes.flatMap((o) => (o.broken ? [o.broken] : [])),
  };
}
