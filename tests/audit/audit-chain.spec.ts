/**
 * The audit's hash chain and its checks, on records shaped like the canonical events the hub
 * carries: each kind of damage an auditor must catch is caught, and an intact chain passes.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  ChainVerifier,
  checkpointsSignedByAnyOf,
  checkpointFromPublished,
  decodeChainHeaders,
  encodeChainHeaders,
  entryHash,
  GENESIS_HASH,
  linkRecords,
  publishedCheckpoint,
  publishedCheckpointBreak,
  signCheckpoint,
  storedEntryView,
  type ChainBreak,
  type ChainEntry,
  type ChainRecord,
  type Checkpoint,
} from '@hub/audit-chain';
import { contractExample } from '../support/contract-examples.js';

const TOPIC = 'civil-affairs.household-status.changed.v1';
const auditKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');

function records(count: number, firstOffset = 0): ChainRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const data = { ...contractExample(TOPIC), householdId: `640104-H-${String(i).padStart(6, '0')}` };
    return {
      topic: TOPIC,
      partition: 2,
      offset: String(firstOffset + i),
      timestamp: String(Date.UTC(2026, 8, 1) + i * 1000),
      key: Buffer.from(`household-${i}`),
      value: Buffer.from(JSON.stringify(data)),
      headers: [
        ['ce_id', `event-${i}`],
        ['ce_source', 'civil-affairs'],
      ],
    };
  });
}

function seal(entries: readonly ChainEntry[], upTo: number, key: KeyObject = auditKey.privateKey): Checkpoint {
  const entry = entries[upTo - 1];
  return signCheckpoint({ topic: TOPIC, partition: 2, lastOffset: entry.offset, entries: upTo, headHash: entry.hash, sealedAt: '2026-11-30T06:00:00.000Z' }, key);
}

async function verify(entries: readonly ChainEntry[], checkpoints: Checkpoint[], keys: KeyObject[] = [auditKey.publicKey]): Promise<{ broken?: ChainBreak; verified: number }> {
  const verifier = new ChainVerifier(TOPIC, 2, checkpoints, await checkpointsSignedByAnyOf(checkpoints, keys));
  for (const entry of entries) if (verifier.add(storedEntryView(TOPIC, entry))) break;
  const broken = verifier.finish();
  return { ...(broken ? { broken } : {}), verified: verifier.verified };
}

const chain = (count: number) => linkRecords(undefined, records(count)).entries;

describe('the audit hash chain', () => {
  it('hashes a record to the same bytes as every earlier version of the store did', () => {
    const record: ChainRecord = {
      topic: 't.x',
      partition: 3,
      offset: '17',
      timestamp: '1796',
      key: Buffer.from('k'),
      value: null,
      headers: [
        ['ce_id', 'é1'],
        ['b', ''],
      ],
    };
    expect(entryHash(GENESIS_HASH, record).toString('hex')).toBe('c9f648a36ded9af3b2a4cdb0c5e8ff16e1b6d481606d192ae2d9794e8e7e2ac7');
    expect(entryHash(GENESIS_HASH, { ...record, key: null, value: Buffer.from('{"a":1}'), headers: [] }).toString('hex')).toBe('b862da4685077f911bcaadf1221bdb9571ce569a72c5aa223173be4543b25b53');
  });

  it('keeps headers in an encoding that gives them back as they were, in their order', () => {
    const headers: [string, string][] = [
      ['ce_id', 'é1'],
      ['b', ''],
      ['ce_source', '/departments/civil-affairs'],
    ];
    expect(decodeChainHeaders(encodeChainHeaders(headers))).toEqual(headers);
  });

  it('does not read bytes that are not a header encoding as headers', () => {
    const encoded = encodeChainHeaders([['ce_id', 'event-1']]);
    expect(decodeChainHeaders(encoded.subarray(0, encoded.length - 1))).toBeUndefined();
    expect(decodeChainHeaders(Buffer.concat([encoded, Buffer.from([0])]))).toBeUndefined();
    expect(decodeChainHeaders(Buffer.from('[]'))).toBeUndefined();
  });

  it('passes an intact chain with its checkpoints', async () => {
    const entries = chain(10);
    expect(await verify(entries, [seal(entries, 5), seal(entries, 10)])).toEqual({ verified: 10 });
  });

  it('links a later batch onto the head, so the chain is the same however the records were batched', () => {
    const all = records(10);
    const first = linkRecords(undefined, all.slice(0, 4));
    const second = linkRecords(first.head, all.slice(4));
    expect([...first.entries, ...second.entries].map((e) => e.hash.toString('hex'))).toEqual(chain(10).map((e) => e.hash.toString('hex')));
    expect(second.head).toEqual({ lastOffset: '9', hash: chain(10)[9].hash, entries: 10 });
  });

  it('leaves out records already in the chain when a batch is delivered again', () => {
    const first = linkRecords(undefined, records(6));
    const again = linkRecords(first.head, records(8));
    expect(again.entries.map((e) => e.offset)).toEqual(['6', '7']);
  });

  it('catches a record whose value was modified', async () => {
    const entries = chain(10);
    const value = JSON.parse(entries[3].value!.toString()) as Record<string, unknown>;
    entries[3] = { ...entries[3], value: Buffer.from(JSON.stringify({ ...value, status: 'revoked' })) };
    expect((await verify(entries, [seal(chain(10), 10)])).broken).toMatchObject({ kind: 'entry-modified', offset: '3', position: 4 });
  });

  it('catches a header that was modified', async () => {
    const entries = chain(10);
    entries[6] = {
      ...entries[6],
      headerBytes: encodeChainHeaders([
        ['ce_id', 'event-6'],
        ['ce_source', 'education'],
      ]),
    };
    expect((await verify(entries, [])).broken).toMatchObject({ kind: 'entry-modified', offset: '6' });
  });

  it('catches a record that was deleted', async () => {
    const entries = chain(10);
    entries.splice(4, 1);
    expect((await verify(entries, [])).broken).toMatchObject({ kind: 'link-broken', offset: '5', position: 5 });
  });

  it('catches records that were reordered', async () => {
    const entries = chain(10);
    const [a, b] = [entries[2], entries[3]];
    entries[2] = { ...b, offset: a.offset };
    entries[3] = { ...a, offset: b.offset };
    expect((await verify(entries, [])).broken).toMatchObject({ kind: 'link-broken', offset: '2' });
  });

  it('catches a record inserted with a correctly computed hash, at the entry after it', async () => {
    const all = records(10);
    const forged = { ...all[5], value: Buffer.from('{"forged":true}') };
    const entries = chain(10);
    const inserted = linkRecords({ lastOffset: '4', hash: entries[4].hash, entries: 5 }, [forged]).entries[0];
    const shifted = entries.slice(5).map((entry) => ({ ...entry, offset: String(Number(entry.offset) + 1) }));
    expect((await verify([...entries.slice(0, 5), inserted, ...shifted], [])).broken).toMatchObject({ kind: 'link-broken', offset: '6' });
  });

  it('catches a chain rewritten from a modified record on, by the checkpoint sealed before the rewrite', async () => {
    const original = chain(10);
    const rewritten = records(10);
    rewritten[2] = { ...rewritten[2], value: Buffer.from('{"rewritten":true}') };
    expect((await verify(linkRecords(undefined, rewritten).entries, [seal(original, 8)])).broken).toMatchObject({ kind: 'checkpoint-mismatch', offset: '7', position: 8 });
  });

  it('catches records removed from the end of a sealed chain', async () => {
    const entries = chain(10);
    expect((await verify(entries.slice(0, 7), [seal(entries, 10)])).broken).toMatchObject({ kind: 'entries-missing', offset: '9', position: 10 });
  });

  it('catches a checkpoint re-signed with another key', async () => {
    const entries = chain(10);
    expect((await verify(entries, [seal(entries, 10, otherKey.privateKey)])).broken).toMatchObject({ kind: 'checkpoint-signature', offset: '9' });
  });

  it('catches a checkpoint whose content was changed after it was signed', async () => {
    const entries = chain(10);
    const checkpoint = { ...seal(entries, 10), sealedAt: '2026-12-01T00:00:00.000Z' };
    expect((await verify(entries, [checkpoint])).broken).toMatchObject({ kind: 'checkpoint-signature' });
  });

  it('accepts checkpoints signed by any of the trusted keys, so the audit key can be rotated', async () => {
    const entries = chain(10);
    expect(await verify(entries, [seal(entries, 5, otherKey.privateKey), seal(entries, 10)], [otherKey.publicKey, auditKey.publicKey])).toEqual({ verified: 10 });
  });
});

describe('checkpoints published outside the store', () => {
  const PUBLISHED_ON = 'hub.audit.checkpoint.v1';

  it('read back from their published form exactly as they were signed', () => {
    const checkpoint = seal(chain(10), 10);
    expect(checkpointFromPublished(publishedCheckpoint(checkpoint))).toEqual(checkpoint);
  });

  it('are not read from records that are not checkpoints', () => {
    expect(checkpointFromPublished('{"topic":"x","partition":0}')).toBeUndefined();
    expect(checkpointFromPublished('not json')).toBeUndefined();
  });

  it('agree with a store that still has the entry they sealed', () => {
    const entries = chain(10);
    expect(publishedCheckpointBreak(seal(entries, 10), PUBLISHED_ON, [auditKey.publicKey], entries[9])).toBeUndefined();
  });

  it('show the end of a chain removed together with the checkpoints the store kept', () => {
    const entries = chain(10);
    expect(publishedCheckpointBreak(seal(entries, 10), PUBLISHED_ON, [auditKey.publicKey], undefined)).toMatchObject({ kind: 'entries-missing', offset: '9', position: 10 });
  });

  it('show an entry the store has with another hash than they sealed', () => {
    const entries = chain(10);
    expect(publishedCheckpointBreak(seal(entries, 10), PUBLISHED_ON, [auditKey.publicKey], { hash: entries[8].hash })).toMatchObject({ kind: 'checkpoint-mismatch', offset: '9' });
  });

  it('count only when a trusted key signed them', () => {
    const entries = chain(10);
    expect(publishedCheckpointBreak(seal(entries, 10, otherKey.privateKey), PUBLISHED_ON, [auditKey.publicKey], entries[9])).toMatchObject({ kind: 'checkpoint-signature' });
  });
});
