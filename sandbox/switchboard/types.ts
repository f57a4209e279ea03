// The switchboard's public vocabulary: what a test (or `npm run sandbox -- --fault …`) may ask the
// sandbox to break, and what the switchboard route answers. Everything here is plain JSON, so the
// same shapes travel as start-up options, as PUT /__switchboard bodies and as CLI flags.

/** The five CloudLink services, named as their sandbox prefixes name them. */
export const SERVICE_NAMES = ['authentication', 'admin', 'media', 'chat', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Which occurrences a fault hits. `share` (0–1, default 1) picks that proportion of the matching
 * occurrences — reproducibly when the configuration has a `seed`; `next` limits the fault to the
 * next N occurrences it picks, after which it is spent (its `remaining` reads 0).
 */
export interface Selection {
  share?: number;
  next?: number;
}

/**
 * Which requests a request fault looks at. `path` is matched against the path below the service
 * prefix (`/endpoints/2001/calls`): a segment `*`, `:name` or `{name}` matches any one segment,
 * `**` any number of them; everything else must be equal.
 */
export interface RequestScope extends Selection {
  service?: ServiceName | ServiceName[];
  method?: string | string[];
  path?: string;
  /**
   * Only requests whose `x-switchboard-tag` header equals this: lets a test aim a fault at its own
   * requests while other test files use the same routes on the same sandbox.
   */
  tag?: string;
}

/** The request header a scoped fault's `tag` is compared with. */
export const SWITCHBOARD_TAG_HEADER = 'x-switchboard-tag';

export const SERVER_ERROR_STATUSES = [500, 502, 503, 504] as const;
export type ServerErrorStatus = (typeof SERVER_ERROR_STATUSES)[number];

export interface LatencyFault extends RequestScope {
  kind: 'latency';
  /** Added before the request is handled. */
  ms: number;
}

/**
 * The service handles the request — a create is made — and its answer is held back `ms` before the
 * head is written: a create whose answer the client may never see, so a test can prove that the
 * next run still finds and removes what the platform made. `next` and `share` are decided when the
 * request arrives (`remaining` drops then, before the service runs), and only requests the service
 * itself answers are picked: one another fault answers or resets is not counted.
 */
export interface HoldAnswerFault extends RequestScope {
  kind: 'hold-answer';
  ms: number;
}

export interface ServerErrorFault extends RequestScope {
  kind: 'server-error';
  status: ServerErrorStatus;
  /** The `{name, message}` body; defaults per status (e.g. 503 ServiceUnavailable). */
  name?: string;
  message?: string;
}

export interface ResetFault extends RequestScope {
  kind: 'reset';
}

export interface RateLimitFault extends RequestScope {
  kind: 'rate-limit';
  /** How long the client is told to wait; 1 s by default. */
  retryAfterSeconds?: number;
  /** `Retry-After` as delta-seconds (default) or as an HTTP-date, the form Mitel's sample parses (S-AUTH). */
  retryAfterFormat?: 'seconds' | 'http-date';
}

export interface ShortTokensFault extends Selection {
  kind: 'short-tokens';
  /** The real lifetime of access tokens issued while the fault picks them. */
  ttlSeconds: number;
  /**
   * false (default): `expires_in` still says the configured lifetime, so the token dies earlier
   * than the client was told; true: `expires_in` tells the short lifetime.
   */
  announce?: boolean;
}

export interface ExpireTokensFault {
  kind: 'expire-tokens';
}

export interface WebhookFailureFault extends Selection {
  kind: 'webhook-failure';
  /**
   * false (default): the attempt fails without reaching the receiver, as if it were down;
   * true: the POST is sent and its answer ignored, so the receiver sees every retry.
   */
  deliver?: boolean;
}

export type RequestFault = LatencyFault | HoldAnswerFault | ServerErrorFault | ResetFault | RateLimitFault;
export type FaultSpec = RequestFault | ShortTokensFault | ExpireTokensFault | WebhookFailureFault;
export type FaultKind = FaultSpec['kind'];

/** What `startSandbox({ switchboard })` and PUT /__switchboard take. */
export interface SwitchboardConfig {
  faults?: FaultSpec[];
  /** Ids from the drift catalogue (GET /__switchboard/drifts). */
  drifts?: string[];
  /** Makes every `share` reproducible: the same seed and requests pick the same occurrences. */
  seed?: number;
}

/** GET /__switchboard: the configuration in force, with what is left of each `next`. */
export interface SwitchboardSnapshot {
  faults: Array<FaultSpec & { remaining?: number }>;
  drifts: string[];
  seed?: number;
}

/** Where a running sandbox's switchboard is and the key it answers to. */
export interface SwitchboardAccess {
  url: string;
  key: string;
}

/** A catalogue entry as GET /__switchboard/drifts lists it. */
export interface DriftInfo {
  id: string;
  service: ServiceName;
  description: string;
  routes: string[];
}

/** The header that carries the per-instance key; without it the switchboard route does not exist. */
export const SWITCHBOARD_KEY_HEADER = 'x-switchboard-key';
export const SWITCHBOARD_PATH = '/__switchboard';

/**
 * What the webhook sender asks before each attempt: send it, fail it without sending (receiver
 * down), or send it and count it failed whatever the answer (receiver erroring).
 */
export type WebhookVerdict = 'send' | 'skip' | 'send-then-fail';

/** The switchboard as notifications' webhook sender sees it. */
export interface WebhookSwitch {
  webhookAttempt(): WebhookVerdict;
  /** The envelope as the active publication drifts change it. */
  webhookPayload(payload: unknown): unknown;
}
