import type { IngestRecord, Rejection } from './ingest-record.js';

/** How a department sends a batch: a JSON array (or one object), NDJSON, or a CSV export. */
export const SUBMISSION_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type SubmissionFormat = (typeof SUBMISSION_FORMATS)[number];

/**
 * One record of a submission, as far as parsing got: a record to check, or the reason it could
 * not even be read (with what was read, so the rejection keeps it).
 */
export type SubmissionEntry = { index: number; record: IngestRecord } | { index: number; unreadable: Rejection; raw: unknown };

/** Why a whole submission cannot be read (not one record's fault): the request is refused. */
export class SubmissionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubmissionError';
  }
}

/** A submission over one of its limits as a whole (too many records): refused before it costs memory (413). */
export class SubmissionLimitError extends SubmissionError {
  constructor(
    message: string,
    /** Which limit, by its name in SubmissionLimits. */
    readonly limit: string,
    readonly value: number,
  ) {
    super(message);
    this.name = 'SubmissionLimitError';
  }
}
