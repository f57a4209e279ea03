// The shapes every step of the send pipeline shares. A send starts as a named request with its
// options; the auth step turns it into a concrete request; the steps below it see that request and
// hand back an answer. What a step may touch beyond the request is in the SendContext: the
// environment, the users' tokens and, inside a test, the test's state. Global setup, the ledger
// sweep and the load tool send with a context that has no test.
import type { TokenStore } from '../auth/token-store';
import type { RequestOverrides } from '../client/build-request';
import type { Exchange, RecordedRequest, RecordedResponse } from '../client/exchange';
import type { NamedRequest, RequestAuth } from '../client/named-request';
import type { Environment } from '../env';
import type { FileState, TestState } from '../session';

export interface SendOptions extends RequestOverrides {
  /** Send as another configured user, or without auth; defaults to the request's own `auth`. */
  as?: RequestAuth;
  /** This request's timeout in ms; default the environment's `request_timeout_ms`, else 30 s. */
  timeoutMs?: number;
}

export interface Outgoing {
  named: NamedRequest;
  options: SendOptions;
  /** The concrete request, set by the auth step; the steps above it never see one. */
  request?: RecordedRequest;
  /**
   * Called by the auth step with each request it builds, before the request goes on: for what must
   * be written down before a request can have effects (harness/client/leftover-search.ts).
   */
  onBuilt?: (request: RecordedRequest) => void;
}

export interface Answer extends RecordedResponse {
  /** Time on the wire (or in the replay player), in ms. */
  ms: number;
  /** The exchange as fixtures hold it, when the step that answered already has it scrubbed (replay). */
  recorded?: Exchange;
}

export interface SendContext {
  env: Environment;
  /** The users' tokens; absent while they are being acquired (global setup's grants). */
  tokens?: TokenStore;
  /** The running test; absent outside one (global setup, the sweep, the load tool). */
  test?: TestState;
  /** The running suite file: its fixture player or recorder. */
  file?: FileState;
  /** API base URLs by variable, to write URLs as templates. */
  baseUrls: Record<string, string>;
}

export type Next = (outgoing: Outgoing) => Promise<Answer>;
export type Step = (outgoing: Outgoing, context: SendContext, next: Next) => Promise<Answer>;
/** The last step: it answers without a next. */
export type Terminal = (outgoing: Outgoing, context: SendContext) => Promise<Answer>;

/** The concrete request of an outgoing send; a step below auth that finds none is wired wrongly. */
export function requestOf(outgoing: Outgoing): RecordedRequest {
  if (!outgoing.request) throw new Error(`"${outgoing.named.name}" reached a step below auth with no request built: the pipeline's steps are out of order.`);
  return outgoing.request;
}
