// For the unit tests of bad input: the message of the UserError a call throws. The test fails when
// the call throws anything else, or nothing.
import { thrown } from '../env/temp-root';
import { isUserError } from '../user-error';

export function userErrorMessage(call: () => unknown): string {
  const error = thrown(call);
  expect(isUserError(error)).toBe(true);
  return error.message;
}
