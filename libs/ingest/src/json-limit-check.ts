import { JsonCharacter } from './json-characters.js';
import type { SubmissionLimits } from './submission-limits.js';

const { Quote: QUOTE, Backslash: BACKSLASH, Colon: COLON, OpenBrace: OPEN_BRACE, CloseBrace: CLOSE_BRACE, OpenBracket: OPEN_BRACKET, CloseBracket: CLOSE_BRACKET } = JsonCharacter;

/**
 * Follows JSON text a character at a time, without building anything, and notes the first limit
 * it breaks (bytes, nesting depth, string length, fields per object): a record is checked before
 * it is parsed, so a hostile one costs no more than its text. It tracks strings and brackets only,
 * so it also knows where a value ends; whether the text is JSON is for the parser to say.
 */
export class JsonLimitCheck {
  depth = 0;
  inString = false;
  /** A bracket closed what was not opened. */
  unbalanced = false;
  /** The first limit broken, in words, naming the limit. */
  problem: string | undefined;
  private escaped = false;
  private bytes = 0;
  private stringLength = 0;
  private readonly fields: number[] = [];
  private readonly isObject: boolean[] = [];

  constructor(private readonly limits: SubmissionLimits) {}

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.unbalanced = false;
    this.problem = undefined;
    this.escaped = false;
    this.bytes = 0;
  }

  /** Follows one UTF-16 code unit of the text. */
  feed(c: number): void {
    this.bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    if (this.bytes > this.limits.maxRecordBytes) this.problem ??= `the record is larger than ${this.limits.maxRecordBytes} bytes (maxRecordBytes)`;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        return;
      }
      if (++this.stringLength > this.limits.maxStringLength) this.problem ??= `a string is longer than ${this.limits.maxStringLength} characters (maxStringLength)`;
      return;
    }
    switch (c) {
      case QUOTE:
        this.inString = true;
        this.stringLength = 0;
        return;
      case OPEN_BRACE:
      case OPEN_BRACKET:
        this.depth++;
        if (this.depth > this.limits.maxDepth) {
          this.problem ??= `the record nests deeper than ${this.limits.maxDepth} levels (maxDepth)`;
          return;
        }
        this.isObject[this.depth] = c === OPEN_BRACE;
        this.fields[this.depth] = 0;
        return;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        if (--this.depth < 0) {
          this.unbalanced = true;
          this.problem ??= 'a bracket closes what was not opened';
          this.depth = 0;
        }
        return;
      case COLON:
        if (this.depth <= this.limits.maxDepth && this.isObject[this.depth] && ++this.fields[this.depth] > this.limits.maxFields) {
          this.problem ??= `an object has more than ${this.limits.maxFields} fields (maxFields)`;
        }
    }
  }
}

/** The first limit one JSON document breaks, if any, found before it is parsed. */
export function jsonLimitProblem(text: string, limits: SubmissionLimits): string | undefined {
  const check = new JsonLimitCheck(limits);
  for (let i = 0; i < text.length && check.problem === undefined; i++) check.feed(text.charCodeAt(i));
  return check.problem;
}
