// The send pipeline, in the order a request travels:
//
//   read-only guard → contract → retry → auth → report → replay | transport
//
// Each step is a file with one job (see ./types.ts for what they share). Senders pick their steps:
// a suite's client uses them all; global setup's token grants and the ledger sweep send with
// retries and auth but no test to report to; the load tool sends with auth alone, so it measures
// the sandbox rather than our retries.
import type { UserKey } from '../auth/users';
import type { SendContext } from './types';
import { auth, currentAccessToken } from './auth';
import { compose, type Send } from './compose';
import { contract } from './contract';
import { readOnlyGuard } from './read-only';
import { replay } from './replay';
import { report } from './report';
import { retry } from './retry';
import { transport } from './transport';

export const sendFromTest: Send = compose([readOnlyGuard, contract, retry, auth, report, replay], transport);
export const sendFromSetup: Send = compose([retry, auth], transport);
export const sendUnretried: Send = compose([auth], transport);

const belowAuth: Send = compose([report, replay], transport);

/** A user's token for a websocket handshake: refreshed first when due, the refresh sent like a test's own. */
export function accessTokenFor(user: UserKey, context: SendContext): Promise<string> {
  return currentAccessToken(user, context, (outgoing) => belowAuth(outgoing, context));
}

export type { Send } from './compose';
export type { Answer, Outgoing, SendContext, SendOptions, Step } from './types';
export { ReadOnlyError, onlyReads, readOnlyEnvironment } from './read-only';
export { TransportError, closeTransport } from './transport';
