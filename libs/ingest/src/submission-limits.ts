/**
 * What one submission may hold. They apply while the body is read, before a record is parsed, so
 * a body that breaks them costs no more memory than the record in hand.
 */
export interface SubmissionLimits {
  /** Records one request may hold (over it, the request is refused: 413). */
  maxRecords: number;
  /** Bytes (UTF-8) one record may take (over it, that record is rejected). */
  maxRecordBytes: number;
  /** How deep arrays and objects may nest within a record. */
  maxDepth: number;
  /** Characters one string may hold. */
  maxStringLength: number;
  /** Fields one object may hold. */
  maxFields: number;
}

/**
 * The hub's contracts describe records of a few hundred bytes, a few levels deep: these leave a
 * wide margin while keeping a hostile record cheap to refuse.
 */
export const DEFAULT_SUBMISSION_LIMITS: SubmissionLimits = {
  maxRecords: 10_000,
  maxRecordBytes: 256 * 1024,
  maxDepth: 32,
  maxStringLength: 65_536,
  maxFields: 256,
};
