export { decodeChainHeaders, encodeChainHeaders, type ChainHeaders } from './chain-headers.js';
export { chainName, type ChainEntry, type ChainHead, type ChainRecord, type StoredEntry } from './chain-record.js';
export { ChainVerifier, type ChainBreak, type ChainBreakKind } from './chain-verifier.js';
export { checkpointsSignedByAnyOf, keyIdOf, signCheckpoint, type Checkpoint, type UnsignedCheckpoint } from './checkpoint.js';
export { entryHash, GENESIS_HASH } from './entry-hash.js';
export { linkRecords } from './link-records.js';
export { chainPartLength, storedEntryView, type StoredEntryView } from './stored-entry-view.js';
export { checkpointFromPublished, publishedCheckpoint, publishedCheckpointBreak } from './published-checkpoint.js';
export { compareChainWithPartition, type PartitionOnBroker } from './offset-comparison.js';
