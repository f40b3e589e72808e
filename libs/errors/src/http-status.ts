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
