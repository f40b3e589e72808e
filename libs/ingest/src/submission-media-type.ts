import { isCsvCharset } from './submission-charset.js';
import type { SubmissionFormat } from './submission.js';

/** How a body is to be read, from its Content-Type. */
export type SubmissionMediaType = { format: SubmissionFormat; charset?: string } | { unsupported: string };

const FORMATS: Record<string, SubmissionFormat> = {
  'application/json': 'json',
  'application/cloudevents-batch+json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'text/csv': 'csv',
};

/** The media types a submission may have, as the gateway names them in a 415 answer. */
export const SUBMISSION_MEDIA_TYPES = Object.keys(FORMATS);

/**
 * The format of a submission by its Content-Type (JSON when none is given), and its charset
 * parameter. JSON and NDJSON are UTF-8 (RFC 8259); CSV exports may declare another charset.
 */
export function submissionMediaType(contentType: string | undefined): SubmissionMediaType {
  const [type = '', ...parameters] = (contentType ?? 'application/json').split(';');
  const mediaType = type.trim().toLowerCase();
  const format = FORMATS[mediaType];
  if (format === undefined) return { unsupported: `Content-Type ${mediaType || '(empty)'} is not one the gateway reads: ${SUBMISSION_MEDIA_TYPES.join(', ')}` };
  const charset = parameters
    .map((parameter) => parameter.trim().split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1');
  if (charset !== undefined && format !== 'csv' && !['utf-8', 'utf8'].includes(charset.toLowerCase())) {
    return { unsupported: `${mediaType} is read as UTF-8 only; charset=${charset} is not (CSV exports may be GB18030 or GBK)` };
  }
  if (charset !== undefined && format === 'csv' && !isCsvCharset(charset)) {
    return { unsupported: `charset=${charset} is not one the gateway reads CSV in: utf-8, gb18030 or gbk` };
  }
  return charset === undefined ? { format } : { format, charset };
}
