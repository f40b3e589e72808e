import type { KeyObject } from 'node:crypto';
import { chainName, ChainVerifier, checkpointsSignedByAnyOf, compareChainWithPartition, keyIdOf, publishedCheckpointBreak, type ChainBreak, type Checkpoint } from '@hub/audit-chain';
import type { KafkaSettings } from '@hub/messaging';
import { entryPlace, type AuditStore, type Chain } from './audit-store.js';
import { auditCommittedOffsets, partitionsOnBroker } from './partitions-on-broker.js';
import type { PublishedCheckpoints } from './published-checkpoints.js';

export interface AuditVerification {
  chains: number;
  entries: number;
  checkpoints: number;
  /** Entries after their chain's last checkpoint: chained, but not yet sealed. */
  unsealedEntries: number;
  /** The first break of each broken chain, in chain order; empty when the store is intact. */
  breaks: ChainBreak[];
  /** What the checkpoints published outside the store were compared with it, when they were read. */
  published?: {
    topic: string;
    /** Signed by a trusted key, and compared. */
    compared: number;
    /** Naming a key that is not trusted (another hub's audit on the same broker, or a key left out): not compared. */
    ignored: number;
    /** Records that are not checkpoints. */
    unreadable: number;
  };
  /** How the chains were compared with their partitions on the broker, when they were. */
  broker?: {
    /** Partitions compared (those of chains not already broken that the broker still has). */
    partitions: number;
    /** Records the broker holds up to the chains' heads, each found in its chain. */
    records: number;
  };
}

export interface VerificationOptions {
  onProgress?: (progress: VerificationProgress) => void;
  /** The checkpoints published outside the store, being read while the chains are walked. */
  published?: Promise<PublishedCheckpoints>;
  /** Compare each chain's offsets with its partition on this broker (compareChainWithPartition). */
  broker?: KafkaSettings;
  /** The audit service's consumer group, whose committed offsets say how far it recorded. */
  auditGroup?: string;
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
export async function verifyAuditStore(store: AuditStore, trustedKeys: readonly KeyObject[], options: VerificationOptions = {}): Promise<AuditVerification> {
  const { onProgress = () => undefined } = options;
  // Settled here, so a failed read is the verification's error, not an unhandled rejection while the chains are walked.
  const published = options.published?.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const chains = await store.chains();
  // The audit's committed offsets before the heads: it commits only what it stored, so the heads read
  // after reach every record before them unless entries were removed. Read after the heads, they could
  // pass records the audit stored meanwhile, beyond the heads the walk stops at: a false skip.
  const committed = options.broker && options.auditGroup ? await auditCommittedOffsets(options.broker, options.auditGroup, [...new Set(chains.map((chain) => chain.topic))]) : undefined;
  // Checkpoints first, then the heads: every checkpoint read seals entries the head reaches, unless they were removed.
  const checkpoints = await store.checkpoints();
  const [signed, heads] = await Promise.all([checkpointsSignedByAnyOf([...checkpoints.values()].flat(), trustedKeys), store.heads()]);
  const entriesTotal = [...heads.values()].reduce((sum, head) => sum + head.entries, 0);
  let entriesDone = 0;

  const verifyChain = async (chain: Chain) => {
    const name = chainName(chain.topic, chain.partition);
    const sealed = checkpoints.get(name) ?? [];
    const verifier = new ChainVerifier(chain.topic, chain.partition, sealed, signed);
    let entries = 0;
    // After a break the rest of the chain is read but not looked at: a stream is not left half read.
    for await (const batch of store.streamEntries(chain, heads.get(name)?.lastOffset ?? '-1')) {
      for (let i = 0; i < batch.count && !verifier.broken; i++) verifier.add(batch.entry(i));
      entries += batch.count;
      entriesDone += batch.count;
      onProgress({ entriesDone, entriesTotal });
    }
    const broken = verifier.finish();
    return { entries, checkpoints: sealed.length, broken, unsealed: broken ? 0 : verifier.verified - (sealed.at(-1)?.entries ?? 0) };
  };

  const outcomes: Awaited<ReturnType<typeof verifyChain>>[] = [];
  let next = 0;
  const walker = async () => {
    for (let i = next++; i < chains.length; i = next++) outcomes[i] = await verifyChain(chains[i]);
  };
  await Promise.all(Array.from({ length: CHAINS_AT_ONCE }, walker));
  const breaks = outcomes.flatMap((o) => (o.broken ? [o.broken] : []));
  const verification: AuditVerification = {
    chains: chains.length,
    entries: outcomes.reduce((sum, o) => sum + o.entries, 0),
    checkpoints: outcomes.reduce((sum, o) => sum + o.checkpoints, 0),
    unsealedEntries: outcomes.reduce((sum, o) => sum + o.unsealed, 0),
    breaks,
  };
  if (options.broker) {
    const compared = await compareWithBroker(store, options.broker, committed, chains, heads, new Set(breaks.map((b) => chainName(b.topic, b.partition))));
    verification.breaks = [...verification.breaks, ...compared.breaks];
    verification.broker = { partitions: compared.partitions, records: compared.records };
  }
  if (!published) return verification;
  const reading = await published;
  if ('error' in reading) throw reading.error;
  const compared = await compareWithPublished(store, trustedKeys, checkpoints, reading.value, new Set(breaks.map((b) => chainName(b.topic, b.partition))));
  verification.breaks = [...verification.breaks, ...compared.breaks].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  verification.published = { topic: reading.value.topic, compared: compared.compared, ignored: compared.ignored, unreadable: reading.value.unreadable };
  return verification;
}

/**
 * Checks that the store still holds what every published checkpoint sealed. One the store also
 * kept, signature and all, was checked in the walk; for the others (the store lost them, or they
 * were sealed after the walk began) the entries they name are looked up, in one query. A chain already broken is
 * not looked at again; a chain the store no longer has at all shows here.
 */
async function compareWithPublished(
  store: AuditStore,
  trustedKeys: readonly KeyObject[],
  stored: ReadonlyMap<string, readonly Checkpoint[]>,
  published: PublishedCheckpoints,
  brokenChains: ReadonlySet<string>,
): Promise<{ compared: number; ignored: number; breaks: ChainBreak[] }> {
  const trustedIds = new Set(trustedKeys.map((key) => keyIdOf(key)));
  const trusted = published.checkpoints.filter((checkpoint) => trustedIds.has(checkpoint.keyId));
  // Ed25519 signatures are deterministic: the same signature is the same checkpoint.
  const kept = new Set([...stored.values()].flatMap((checkpoints) => checkpoints.map((checkpoint) => checkpoint.signature.toString('latin1'))));
  const unchecked = trusted
    .filter((checkpoint) => !brokenChains.has(chainName(checkpoint.topic, checkpoint.partition)) && !kept.has(checkpoint.signature.toString('latin1')))
    .sort((a, b) => a.entries - b.entries);
  const hashes = await store.entryHashes(unchecked.map((checkpoint) => ({ ...checkpoint, offset: checkpoint.lastOffset })));
  const broken = new Map<string, ChainBreak>();
  for (const checkpoint of unchecked) {
    const name = chainName(checkpoint.topic, checkpoint.partition);
    if (broken.has(name)) continue;
    const hash = hashes.get(entryPlace({ ...checkpoint, offset: checkpoint.lastOffset }));
    const found = publishedCheckpointBreak(checkpoint, published.topic, trustedKeys, hash ? { hash } : undefined);
    if (found) broken.set(name, found);
  }
  return { compared: trusted.length, ignored: published.checkpoints.length - trusted.length, breaks: [...broken.values()] };
}

/** Compares every chain not already broken with its partition on the broker (offsets skipped, entries beyond the end). */
async function compareWithBroker(
  store: AuditStore,
  broker: KafkaSettings,
  committed: ReadonlyMap<string, number> | undefined,
  chains: readonly Chain[],
  heads: ReadonlyMap<string, { lastOffset: string }>,
  brokenChains: ReadonlySet<string>,
): Promise<{ partitions: number; records: number; breaks: ChainBreak[] }> {
  const unbroken = chains.filter((chain) => !brokenChains.has(chainName(chain.topic, chain.partition)) && heads.has(chainName(chain.topic, chain.partition)));
  const onBroker = await partitionsOnBroker(broker, unbroken, heads, committed);
  const breaks: ChainBreak[] = [];
  let [partitions, records] = [0, 0];
  for (const chain of unbroken) {
    const name = chainName(chain.topic, chain.partition);
    const partition = onBroker.get(name);
    if (!partition) continue; // The topic is gone from the broker: nothing to compare with.
    partitions++;
    records += partition.offsets.length;
    const found = compareChainWithPartition(chain.topic, chain.partition, await store.offsets(chain, heads.get(name)!.lastOffset), partition);
    if (found) breaks.push(found);
  }
  return { partitions, records, breaks };
}
