// The agents the bench gives Newman (its `requestAgents` option): keep-alive, as Newman's own default
// is, and unable to open a connection to anything but 127.0.0.1. The exported collections name their
// hosts through the environment, which points at the sandbox; a request that would leave the machine
// anyway (a hard-coded host, a redirect) fails in Newman as a request error instead of being sent.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

export const LOOPBACK_HOST = '127.0.0.1';

type Callback = (err: Error | null, stream: Duplex) => void;

/** Why a connection to this host is refused; undefined for 127.0.0.1. */
function refusal(options: http.ClientRequestArgs): Error | undefined {
  const host = options.host ?? options.hostname ?? 'localhost';
  return host === LOOPBACK_HOST ? undefined : new Error(`The bench lets Newman connect to ${LOOPBACK_HOST} only, not to ${host}.`);
}

/** Fails the request the way a refused connection does: through the callback, so Newman reports it. */
function refuse(error: Error, callback: Callback | undefined): undefined {
  if (!callback) throw error;
  callback(error, undefined as unknown as Duplex);
  return undefined;
}

class LoopbackHttpAgent extends http.Agent {
  override createConnection(options: http.ClientRequestArgs, callback?: Callback): Duplex | null | undefined {
    const refused = refusal(options);
    return refused ? refuse(refused, callback) : super.createConnection(options, callback);
  }
}

class LoopbackHttpsAgent extends https.Agent {
  override createConnection(options: https.RequestOptions, callback?: Callback): Duplex | null | undefined {
    const refused = refusal(options);
    return refused ? refuse(refused, callback) : super.createConnection(options, callback);
  }
}

export function loopbackAgents(): { http: http.Agent; https: https.Agent } {
  return { http: new LoopbackHttpAgent({ keepAlive: true }), https: new LoopbackHttpsAgent({ keepAlive: true }) };
}
