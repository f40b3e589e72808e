import { ErrorCode } from './error-code.js';
import { HubError } from './hub-error.js';

describe('HubError', () => {
  it('keeps its code, retry flag, context and cause', () => {
    const cause = new Error('socket closed');
    const error = new HubError(ErrorCode.KafkaUnavailable, 'broker gone', { canRetry: true, context: { broker: 'k1' }, cause });
    expect(error).toMatchObject({ code: 'KAFKA_UNAVAILABLE', canRetry: true, context: { broker: 'k1' }, name: 'HubError' });
    expect(error.cause).toBe(cause);
  });

  it('is not retryable unless it says so', () => {
    expect(new HubError(ErrorCode.RecordRejected, 'bad field').canRetry).toBe(false);
  });

  it('wraps unknown errors as retryable handler failures', () => {
    const wrapped = HubError.from(new TypeError('x is undefined'));
    expect(wrapped).toMatchObject({ code: 'HANDLER_FAILED', canRetry: true, message: 'x is undefined' });
  });

  it('passes a HubError through unchanged', () => {
    const original = new HubError(ErrorCode.RecordRejected, 'bad');
    expect(HubError.from(original)).toBe(original);
  });
});
