// The read-only switch, for watching a production account with the same suites: with `read_only`
// set to true in the environment (or CLOUDLINK_READ_ONLY=true), tests that change state are
// skipped — jest, JUnit and Allure all show them as skipped — and the client refuses to send any
// request that could change something, so a test that writes without saying so fails loudly
// instead of touching the account.
import { session } from './session';
import type { NamedRequest } from './client/named-request';

export class ReadOnlyError extends Error {
  constructor(requestName: string, method: string) {
    super(
      `"${requestName}" (${method}) was not sent: the environment is read-only (read_only=true). ` +
        'Declare the test with itWrites(...) so read-only runs skip it.',
    );
    this.name = 'ReadOnlyError';
  }
}

/** True when the environment asks for a read-only run. */
export function isReadOnly(): boolean {
  return /^(true|1|yes)$/i.test(session.env.values.read_only ?? '');
}

/** A request that only reads: GET, and POSTs marked safe (token grants). */
export function onlyReads(named: Pick<NamedRequest, 'method' | 'safe'>): boolean {
  return named.method === 'GET' || (named.method === 'POST' && named.safe === true);
}

/**
 * `it` for a test that creates, changes or deletes something: skipped in read-only runs. `it` is
 * looked up only when a test is declared, so collections that import the harness still load
 * outside jest (npm run export).
 */
export const itWrites: jest.It = new Proxy((() => undefined) as unknown as jest.It, {
  apply(_target, thisArg, args: Parameters<jest.It>) {
    return (isReadOnly() ? it.skip : it).apply(thisArg, args);
  },
  // itWrites.each(table)(…) too.
  get(_target, property) {
    return Reflect.get(isReadOnly() ? it.skip : it, property);
  },
});
