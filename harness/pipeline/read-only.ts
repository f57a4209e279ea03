// Step: the read-only guard. With `read_only=true` the client refuses anything that could change
// the account, so production can be watched with the same suites; a test that writes without
// saying so (itWrites) fails loudly instead of touching the account.
import type { NamedRequest } from '../client/named-request';
import { envFlag, type Environment } from '../env';
import type { Step } from './types';

export class ReadOnlyError extends Error {
  constructor(requestName: string, method: string) {
    super(
      `"${requestName}" (${method}) was not sent: the environment is read-only (read_only=true). ` +
        'Declare the test with itWrites(...) so read-only runs skip it.',
    );
    this.name = 'ReadOnlyError';
  }
}

/** True when the environment asks for a read-only run (the loader refuses any value but true/false, 1/0, yes/no). */
export function readOnlyEnvironment(env: Environment): boolean {
  return envFlag(env, 'read_only');
}

/** A request that only reads: GET, and POSTs marked safe (token grants). */
export function onlyReads(named: Pick<NamedRequest, 'method' | 'safe'>): boolean {
  return named.method === 'GET' || (named.method === 'POST' && named.safe === true);
}

export const readOnlyGuard: Step = (outgoing, context, next) => {
  const { named } = outgoing;
  if (!onlyReads(named) && readOnlyEnvironment(context.env)) throw new ReadOnlyError(named.name, named.method);
  return next(outgoing);
};
