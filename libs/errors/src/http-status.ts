import { ErrorCode } from './error-code.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.NotReady]: 503,
  [ErrorCode.KafkaUnavailable]: 503,
  [ErrorCode.KafkaPublishFailed]: 503,
  [ErrorCode.DatabaseUnavailable]: 503,
};

/** The HTTP status a HubError of this code is answered with: a client's mistake 4xx, what the hub cannot do right now 503, anything else 500. */
export const httpStatusOf = (code: ErrorCode): number => STATUS[code] ?? 500;

/**
 * The code a client's error of this HTTP status is answered with, where one code is that status's
 * (4xx): an error Nest raises itself (a route that does not exist, a guard's refusal) reads as the
 * hub's own do. Undefined for any other status.
 */
export function errorCodeOfHttpStatus(status: number): ErrorCode | undefined {
  if (status < 400 || status >= 500) return undefined;
  const codes = (Object.keys(STATUS) as ErrorCode[]).filter((code) => STATUS[code] === status);
  return codes.length === 1 ? codes[0] : undefined;
}
