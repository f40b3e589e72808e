/** The Kafka protocol's primitive types, as the hand-written requests of this folder and ../security need them. */

export const int8 = (value: number) => Buffer.from([value & 0xff]);
export const int16 = (value: number) => {
  const bytes = Buffer.allocUnsafe(2);
  bytes.writeInt16BE(value);
  return bytes;
};
export const int32 = (value: number) => {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeInt32BE(value);
  return bytes;
};
export const int64 = (value: number) => {
  const bytes = Buffer.allocUnsafe(8);
  bytes.writeBigInt64BE(BigInt(value));
  return bytes;
};
export const string = (text: string) => Buffer.concat([int16(Buffer.byteLength(text)), Buffer.from(text, 'utf8')]);

export function unsignedVarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
/** Flexible versions: a length + 1 as an unsigned varint, then the bytes. */
export const compactBytes = (bytes: Buffer) => Buffer.concat([unsignedVarint(bytes.length + 1), bytes]);
export const compactString = (text: string) => compactBytes(Buffer.from(text, 'utf8'));
export const compactArray = (items: readonly Buffer[]) => Buffer.concat([unsignedVarint(items.length + 1), ...items]);
/** No tagged fields. */
export const EMPTY_TAGS = Buffer.from([0]);

/** A whole request frame: the size, then header v1 (v2 for flexible versions, which adds tagged fields), then the body. */
export function requestFrame(apiKey: number, apiVersion: number, correlationId: number, clientId: string, body: Buffer, flexible: boolean): Buffer {
  const header = Buffer.concat([int16(apiKey), int16(apiVersion), int32(correlationId), string(clientId), ...(flexible ? [EMPTY_TAGS] : [])]);
  return Buffer.concat([int32(header.length + body.length), header, body]);
}

/** Reads a response body (after the correlation id) field by field. */
export class WireReader {
  private at = 0;

  constructor(private readonly bytes: Buffer) {}

  int8(): number {
    return this.bytes.readInt8(this.advance(1));
  }

  int16(): number {
    return this.bytes.readInt16BE(this.advance(2));
  }

  int32(): number {
    return this.bytes.readInt32BE(this.advance(4));
  }

  int64(): bigint {
    return this.bytes.readBigInt64BE(this.advance(8));
  }

  unsignedVarint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes.readUInt8(this.advance(1));
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
  }

  string(): string {
    const length = this.int16();
    return this.bytes.toString('utf8', this.advance(length), this.at);
  }

  compactBytes(): Buffer | null {
    const length = this.unsignedVarint() - 1;
    if (length < 0) return null;
    const start = this.advance(length);
    return this.bytes.subarray(start, this.at);
  }

  compactString(): string | null {
    return this.compactBytes()?.toString('utf8') ?? null;
  }

  /** Skips a tagged-fields section. */
  tags(): void {
    const count = this.unsignedVarint();
    for (let i = 0; i < count; i++) {
      this.unsignedVarint();
      this.advance(this.unsignedVarint());
    }
  }

  private advance(length: number): number {
    const start = this.at;
    this.at += length;
    if (this.at > this.bytes.length) throw new RangeError(`a Kafka response ended ${this.at - this.bytes.length} bytes early`);
    return start;
  }
}
