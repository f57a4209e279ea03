// How long a client may take. Node's defaults let a connection that never finishes its headers
// live 60 s (and up to 30 s more, since expiry is only checked every 30 s), never time out a
// trickled body, and fastify keeps idle keep-alive sockets 72 s. CHOICES, bounded well above what
// any loopback client needs: headers in 10 s, the whole request in 30 s, idle keep-alive 10 s.
//
// There is deliberately no idle-socket timeout (fastify's connectionTimeout): once a request is
// received, the socket is silent until the answer, and a switchboard latency fault may hold that
// answer up to 600 s on purpose.
import type { SandboxTimeouts } from '../types';

export const DEFAULT_TIMEOUTS: Required<SandboxTimeouts> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000 };

export interface ServerTimeouts {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
}

export function serverTimeouts(options: SandboxTimeouts = {}): ServerTimeouts {
  const { headersMs, requestMs, keepAliveMs } = { ...DEFAULT_TIMEOUTS, ...options };
  for (const [name, value] of Object.entries({ headersMs, requestMs, keepAliveMs })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`timeouts.${name} must be a positive integer, got ${value}`);
  }
  if (headersMs > requestMs) throw new Error(`timeouts.headersMs (${headersMs}) may not exceed timeouts.requestMs (${requestMs})`);
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    // Node notices an expired request only when it checks; checking often keeps the bound honest.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 4))),
  };
}
