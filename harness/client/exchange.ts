// One HTTP exchange as the harness keeps it: what the client sent and what came back. The same
// shape feeds reports, fixtures (after scrubbing) and replay matching, so nothing is described twice.

/** A request as sent. `url` is absolute in live mode; fixtures store it as a template ("{{auth_url}}/token"). */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed body: an object for JSON and form bodies, a string for text, undefined when there is none. */
  body?: unknown;
  /** How `body` travels on the wire. */
  bodyType?: 'json' | 'form' | 'text';
}

export interface RecordedResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, otherwise the text; undefined for an empty body. */
  body?: unknown;
}

export interface Exchange {
  /** The named request this came from ("POST Token"). */
  name: string;
  request: RecordedRequest;
  response: RecordedResponse;
  /**
   * A message the API sent to the harness — a webhook POST to the test's receiver, a websocket
   * frame — rather than a request the harness sent. Replay hands it to the test again in order.
   */
  inbound?: true;
}
