// Newman's half of the bench: one exported collection file run by Newman's Node API, as a Postman
// user's CI runs it. Kept per request: what Newman sent and what came back, for the harness to send
// the same (same-work.ts). Newman gets agents of ours (its `requestAgents` option): keep-alive, as
// its own default is, and unable to connect to anything but 127.0.0.1. The exports name their hosts
// through the environment, which points at the sandbox; a request that would leave the machine
// anyway (a hard-coded host, a redirect) fails in Newman as a request error instead of being sent.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import type { NewmanRunExecution } from 'newman';
import { runNewmanSummary, type NewmanSandboxInput } from '../postman/newman';
import type { WireRequest } from './same-work';

export interface NewmanExchange {
  /** The item's name: a named request of the collection. */
  name: string;
  sent: WireRequest;
  /** Undefined when no answer came (a request error). */
  status?: number;
  body: unknown;
}

export interface NewmanCollectionRun {
  wallMs: number;
  /** Newman's own count of the requests it sent. */
  requests: number;
  /** Failed checks and request errors. */
  failures: number;
  exchanges: NewmanExchange[];
}

export async function runCollectionInNewman(collectionFile: string, input: NewmanSandboxInput): Promise<NewmanCollectionRun> {
  const agents = loopbackAgents();
  try {
    const { summary, wallMs } = await runNewmanSummary({
      collection: collectionFile,
      environment: input.environment,
      envVar: input.envVar,
      requestAgents: agents,
    });
    return {
      wallMs,
      requests: summary.run.stats.requests.total ?? 0,
      failures: summary.run.failures.length,
      exchanges: summary.run.executions.map(exchangeOf),
    };
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

// The parts of postman-collection's Request and Response the bench reads (its types are not a dependency).
interface SdkRequest {
  method: string;
  url: { toString(): string };
  getHeaders(options: { enabled: boolean }): Record<string, string | string[]>;
  body?: { mode?: string; raw?: string; urlencoded?: { all(): Array<{ key: string; value: string; disabled?: boolean }> } };
}
interface SdkResponse {
  code: number;
  text(): string;
}

function exchangeOf(execution: NewmanRunExecution): NewmanExchange {
  const request = execution.request as unknown as SdkRequest;
  const response = execution.response as unknown as SdkResponse | undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.getHeaders({ enabled: true }))) headers[name.toLowerCase()] = [value].flat().join(', ');
  const sent: WireRequest = { method: request.method, url: request.url.toString(), headers };
  if (request.body?.mode === 'urlencoded' && request.body.urlencoded) {
    const fields = request.body.urlencoded.all().filter((field) => !field.disabled);
    sent.body = { form: Object.fromEntries(fields.map((field) => [field.key, field.value])) };
  } else if (request.body?.mode === 'raw') sent.body = { raw: request.body.raw ?? '' };
  return { name: execution.item.name ?? '', sent, status: response?.code, body: response ? parsed(response.text()) : undefined };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

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
