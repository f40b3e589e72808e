/** A record's headers in the order it carries them. */
export type ChainHeaders = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * Headers as the chain hashes them and the audit store keeps them: their count, then each name and
 * value as UTF-8, every one prefixed by its byte length (uint32, big-endian). Kept in this form,
 * an entry is verified by hashing the stored bytes as they are.
 */
export function encodeChainHeaders(headers: ChainHeaders): Buffer {
  const texts = headers.flat();
  const bytes = Buffer.allocUnsafe(4 + texts.reduce((sum, text) => sum + 4 + Buffer.byteLength(text, 'utf8'), 0));
  let at = bytes.writeUInt32BE(headers.length, 0);
  for (const text of texts) {
    const length = bytes.write(text, at + 4, 'utf8');
    bytes.writeUInt32BE(length, at);
    at += 4 + length;
  }
  return bytes;
}

/** The headers back from their chain encoding; undefined when the bytes are not such an encoding. */
export function decodeChainHeaders(bytes: Buffer): [string, string][] | undefined {
  if (bytes.length < 4) return undefined;
  const count = bytes.readUInt32BE(0);
  let at = 4;
  const readText = (): string | undefined => {
    if (bytes.length - at < 4) return undefined;
    const length = bytes.readUInt32BE(at);
    if (bytes.length - at - 4 < length) return undefined;
    at += 4 + length;
    return bytes.toString('utf8', at - length, at);
  };
  const headers: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const name = readText();
    const value = readText();
    if (name === undefined || value === undefined) return undefined;
    headers.push([name, value]);
  }
  return at === bytes.length ? headers : undefined;
}
