// For the unit tests of bad input: the message of the UserError a call throws. The test fails when
// the call throws anything else, or nothing.
import { isUserError } from '../user-error';

export function userErrorMessage(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a UserError; nothing was thrown');
}
