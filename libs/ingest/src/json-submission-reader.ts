import { entryFromValue } from './entry-from-value.js';
import { isJsonSpace, JsonCharacter } from './json-characters.js';
import { JsonLimitCheck } from './json-limit-check.js';
import { SubmissionError, SubmissionLimitError, type SubmissionEntry } from './submission.js';
import type { SubmissionLimits } from './submission-limits.js';

/** How much of a refused record's text its rejection keeps. */
const PREVIEW_CHARACTERS = 1000;
export const TRUNCATED_MARKER = '…[truncated by the hub]';

const { Comma: COMMA, OpenBrace: OPEN_BRACE, OpenBracket: OPEN_BRACKET, CloseBracket: CLOSE_BRACKET, Newline: NEWLINE, ByteOrderMark: BYTE_ORDER_MARK } = JsonCharacter;
const isSpace = isJsonSpace;

type Phase = 'start' | 'before-record' | 'in-record' | 'end';

/**
 * Reads a JSON submission (an array of records, or one record) or an NDJSON one (a record per
 * line) as its text arrives, a chunk at a time, and gives each record as soon as it is complete.
 *
 * It never builds more than the record in hand: it follows strings and brackets to find where
 * each record ends, checks the limits on the way (bytes, nesting depth, string length, fields per
 * object), and only then parses the record's text. A record over a limit is rejected with the
 * limit it broke and the start of its text, and the reading goes on; more records than allowed,
 * or a body that is not JSON at all, refuse the request (SubmissionError).
 */
export class JsonSubmissionReader {
  private phase: Phase;
  private index = 0;
  private parts: string[] = [];
  private preview = '';
  private readonly check: JsonLimitCheck;
  private line = 1;
  private recordLine = 1;
  /** A JSON body of one record rather than an array. */
  private single = false;

  constructor(
    private readonly format: 'json' | 'ndjson',
    private readonly limits: SubmissionLimits,
  ) {
    this.phase = format === 'json' ? 'start' : 'before-record';
    this.check = new JsonLimitCheck(limits);
  }

  /** The records completed by this chunk. */
  push(chunk: string): SubmissionEntry[] {
    const out: SubmissionEntry[] = [];
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      switch (this.phase) {
        case 'start':
          if (isSpace(c) || c === BYTE_ORDER_MARK) continue;
          if (c === OPEN_BRACKET) {
            this.phase = 'before-record';
            continue;
          }
          if (c !== OPEN_BRACE) throw new SubmissionError('the body is not JSON: it must be an array of records or one record (an object)');
          this.single = true;
          this.begin();
          from = i;
          this.feed(c);
          continue;
        case 'before-record':
          if (isSpace(c) || (c === BYTE_ORDER_MARK && this.format === 'ndjson')) continue;
          if (this.format === 'json' && c === CLOSE_BRACKET && this.index === 0) {
            this.phase = 'end';
            continue;
          }
          this.begin();
          from = i;
          if (this.ends(c)) {
            throw new SubmissionError(`the body is not JSON: record ${this.index + 1} is empty (two commas, or a comma before "]")`);
          }
          this.feed(c);
          continue;
        case 'in-record':
          if (this.ends(c)) {
            this.keep(chunk.slice(from, i));
            out.push(this.finish());
            if (this.format === 'ndjson') this.phase = 'before-record';
            else this.phase = c === COMMA ? 'before-record' : 'end';
            continue;
          }
          this.feed(c);
          if (this.single && this.check.depth === 0 && !this.check.inString) {
            this.keep(chunk.slice(from, i + 1));
            out.push(this.finish());
            this.phase = 'end';
          }
          continue;
        case 'end':
          if (isSpace(c)) continue;
          throw new SubmissionError(`the body is not JSON: text follows the end of the ${this.single ? 'record' : 'array'} (line ${this.line})`);
      }
    }
    if (this.phase === 'in-record') this.keep(chunk.slice(from));
    return out;
  }

  /** The last record, once the body has ended. */
  end(): SubmissionEntry[] {
    if (this.phase === 'in-record') {
      if (this.format === 'ndjson') return [this.finish()];
      throw new SubmissionError(`the body is not JSON: it ends inside record ${this.index + 1}`);
    }
    if (this.format === 'json' && this.phase !== 'end') {
      throw new SubmissionError(this.phase === 'start' ? 'the body is empty: send an array of records or one record' : 'the body is not JSON: the array of records is not closed with "]"');
    }
    return [];
  }

  /** Whether this character ends the record in hand: a top-level comma or "]", or the end of an NDJSON line. */
  private ends(c: number): boolean {
    if (this.format === 'ndjson') return c === NEWLINE;
    return !this.single && this.check.depth === 0 && !this.check.inString && (c === COMMA || c === CLOSE_BRACKET);
  }

  private begin(): void {
    if (this.index >= this.limits.maxRecords) {
      throw new SubmissionLimitError(
        `the request holds more than ${this.limits.maxRecords} records; at most ${this.limits.maxRecords} are accepted at once (maxRecords): split it`,
        'maxRecords',
        this.limits.maxRecords,
      );
    }
    this.phase = 'in-record';
    this.parts = [];
    this.preview = '';
    this.check.reset();
    this.recordLine = this.line;
  }

  private feed(c: number): void {
    this.check.feed(c);
    if (this.check.unbalanced && this.format === 'json') {
      throw new SubmissionError(`the body is not JSON: a bracket closes what was not opened, in record ${this.index + 1} (line ${this.line})`);
    }
  }

  /** Keeps text of the record in hand while it is within its limits, and the start of it for a rejection. */
  private keep(text: string): void {
    if (text.length === 0) return;
    if (this.preview.length < PREVIEW_CHARACTERS) this.preview += text.slice(0, PREVIEW_CHARACTERS - this.preview.length);
    if (this.check.problem === undefined) this.parts.push(text);
    else this.parts = [];
  }

  private finish(): SubmissionEntry {
    const index = this.index++;
    const where = this.format === 'ndjson' ? `line ${this.recordLine}` : `record ${index + 1}`;
    if (this.check.problem !== undefined) return { index, unreadable: { path: '', reason: `${where}: ${this.check.problem}` }, raw: `${this.preview}${TRUNCATED_MARKER}` };
    const text = this.parts.join('');
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const raw = text.length > PREVIEW_CHARACTERS ? `${text.slice(0, PREVIEW_CHARACTERS)}${TRUNCATED_MARKER}` : text.trim();
      return { index, unreadable: { path: '', reason: `${where} is not JSON: ${(error as Error).message}` }, raw };
    }
    return entryFromValue(index, value);
  }
}

/** Reads a JSON or NDJSON body as it arrives, giving each record as soon as it is complete. */
export async function* readJsonSubmission(text: AsyncIterable<string>, format: 'json' | 'ndjson', limits: SubmissionLimits): AsyncGenerator<SubmissionEntry> {
  const reader = new JsonSubmissionReader(format, limits);
  for await (const chunk of text) yield* reader.push(chunk);
  yield* reader.end();
}
