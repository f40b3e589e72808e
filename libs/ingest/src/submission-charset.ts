import { isUtf8 } from 'node:buffer';
import { SubmissionError } from './submission.js';

/** The character sets the gateway reads CSV exports in: UTF-8, and GB18030 with its subsets GBK and GB2312 (most county systems export GBK). */
const CSV_CHARSETS: Record<string, 'utf-8' | 'gb18030'> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
};

export interface DecodedText {
  text: string;
  /** The character set the text was read in. */
  charset: 'utf-8' | 'gb18030';
  /** True when no charset was declared and it was told from the bytes. */
  detected: boolean;
}

/** Whether the gateway reads CSV in this declared charset (the `charset` of the content type). */
export function isCsvCharset(declared: string): boolean {
  return CSV_CHARSETS[declared.toLowerCase()] !== undefined;
}

/**
 * A CSV export's text, with or without a byte-order mark. A declared charset is used (and the
 * body must be valid in it); without one, the bytes are read as UTF-8 when they are valid UTF-8,
 * else as GB18030, and the answer says which.
 */
export function decodeCsvBody(bytes: Uint8Array, declared?: string): DecodedText {
  const charset = declared === undefined ? undefined : CSV_CHARSETS[declared.toLowerCase()];
  if (declared !== undefined && charset === undefined) throw new SubmissionError(`charset=${declared} is not one the gateway reads CSV in: utf-8, gb18030 or gbk`);
  if (charset !== undefined) return { text: decodeStrictly(bytes, charset, declared!), charset, detected: false };
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', detected: true };
  // Not UTF-8: what Chinese government systems export otherwise is GBK, which GB18030 contains.
  return { text: decodeStrictly(bytes, 'gb18030', 'gb18030 (detected)'), charset: 'gb18030', detected: true };
}

function decodeStrictly(bytes: Uint8Array, charset: 'utf-8' | 'gb18030', named: string): string {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new SubmissionError(`the body is not valid ${named} text: ${(error as Error).message}`);
  }
}
