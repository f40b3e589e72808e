/** The UTF-16 code units the JSON readers act on. */
export const JsonCharacter = {
  Quote: 0x22,
  Backslash: 0x5c,
  Colon: 0x3a,
  Comma: 0x2c,
  OpenBrace: 0x7b,
  CloseBrace: 0x7d,
  OpenBracket: 0x5b,
  CloseBracket: 0x5d,
  Newline: 0x0a,
  ByteOrderMark: 0xfeff,
} as const;

/** JSON's whitespace: space, line feed, carriage return, tab. */
export const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
