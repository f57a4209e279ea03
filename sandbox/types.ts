// The sandbox's public types: what the harness and scripts/sandbox.ts may rely on.
import type { SwitchboardAccess, SwitchboardConfig } from './switchboard/types';

export interface SandboxOptions {
  /** Access-token lifetime; CloudLink's default is 1 hour (AUTH-SPEC description). */
  accessTokenTtlSeconds?: number;
  /** Refresh-token lifetime; CloudLink's default is 14 days (AUTH-SPEC description). */
  refreshTokenTtlSeconds?: number;
  /** Authorization-code lifetime; "short-lived", duration undocumented (AUTH-SPEC), so a choice. */
  authCodeTtlSeconds?: number;
  /** The clock, in milliseconds since the epoch; tests pass their own to move time. */
  now?: () => number;
  /** fastify's logger; off unless asked for. */
  logger?: boolean;
  /** Largest accepted request body; bigger ones get 413. */
  bodyLimitBytes?: number;
  /** Notifications webhook delivery; CloudLink's retry policy is undocumented. */
  webhook?: WebhookOptions;
  /** Faults and contract drifts in force from the start (sandbox/README "Switchboard"); none by default. */
  switchboard?: SwitchboardConfig;
  /** How long a slow or idle client may hold a connection (sandbox/README "Limits, timeouts and server errors"). */
  timeouts?: SandboxTimeouts;
}

export interface SandboxTimeouts {
  /** From a connection's opening (on a kept-alive one, its next request's first byte) to the end of the headers; 10000 by default. */
  headersMs?: number;
  /** From the same start to the end of the body; 30000 by default. Not less than headersMs. */
  requestMs?: number;
  /** How long an idle keep-alive connection is kept open between requests; 10000 by default. */
  keepAliveMs?: number;
}

export interface WebhookOptions {
  /** Pauses before each retry; [1000, 5000] by default, i.e. three attempts in all. */
  retryDelaysMs?: number[];
  /** How long one attempt may take before it counts as failed; 5000 by default. */
  timeoutMs?: number;
}

export interface StartSandboxOptions extends SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free ephemeral port. */
  port?: number;
}

export interface SandboxUser {
  key: 'primary' | 'second' | 'user' | 'partner';
  username: string;
  password: string;
  userId: string;
  accountId: string;
  role: string;
  name: string;
}

export interface SandboxCredentials {
  accountId: string;
  accountNumber: string;
  users: SandboxUser[];
  client: { client_id: string; client_secret: string; redirect_uri: string };
}

export interface SandboxUrls {
  auth_url: string;
  admin_url: string;
  media_url: string;
  chat_url: string;
  notifications_url: string;
}

export interface RunningSandbox {
  origin: string;
  urls: SandboxUrls;
  credentials: SandboxCredentials;
  /** The keyed switchboard route of this instance; pass it to switchboardClient(). */
  switchboard: SwitchboardAccess;
  /** The state.inventory readings now (see SandboxState.inventory). */
  inventory(): Record<string, number | string>;
  close(): Promise<void>;
}
