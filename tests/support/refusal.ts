import { HubError } from '@hub/errors';

/** The HubError a use case refused with; fails the test when it did not refuse, or refused otherwise. */
export async function refusal(attempt: Promise<unknown>): Promise<HubError> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}
