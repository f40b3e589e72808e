import { ErrorCode } from './error-code.js';
import { errorCodeOfHttpStatus, httpStatusOf } from './http-status.js';

describe('the HTTP status of an error code, and the code of a status', () => {
  it("answers a client's mistake 4xx and what the hub cannot do right now 503", () => {
    expect([httpStatusOf(ErrorCode.Unauthenticated), httpStatusOf(ErrorCode.RateLimited), httpStatusOf(ErrorCode.KafkaUnavailable)]).toEqual([401, 429, 503]);
  });

  it('answers anything else 500', () => {
    expect(httpStatusOf(ErrorCode.HandlerFailed)).toBe(500);
  });

  it("names a client's error status by the hub's code for it, as the hub's own errors are named", () => {
    expect([401, 403, 404, 400].map(errorCodeOfHttpStatus)).toEqual([ErrorCode.Unauthenticated, ErrorCode.Forbidden, ErrorCode.NotFound, ErrorCode.BadRequest]);
  });

  it('names no code for a status no single code has: a server error, or a 4xx the hub never answers', () => {
    expect([500, 503, 418].map(errorCodeOfHttpStatus)).toEqual([undefined, undefined, undefined]);
  });
});
