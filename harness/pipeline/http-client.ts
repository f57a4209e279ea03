// The HTTP client under the transport step: supertest against an absolute URL, over a shared
// keep-alive agent (a fresh socket per request costs a TIME_WAIT each and skews timings;
// supertest#489, #667; docs/sources.md).
//
// The suites' jest environment loads this once per worker and hands it to every test file
// (harness/jest/environment.ts): supertest and what it pulls in (superagent, formidable, mime-db,
// qs) are about half the code a suite file would otherwise compile, file after file, and the
// worker's keep-alive sockets then serve every file. Because a test file lives in another realm,
// what this hands back is strings and plain data; the transport step parses the body and builds
// its errors on its own side.
import http from 'node:http';
import https from 'node:https';
import request from 'supertest';
import { readRunSettings } from '../env/validate';

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as it goes on the wire. */
  body?: string;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string | undefined;
}

export interface HttpClient {
  send(req: RawRequest): Promise<RawResponse>;
  /** Drops the idle keep-alive sockets, so a process can exit at once. */
  close(): void;
}

let agents: { http: http.Agent; https: https.Agent } | undefined;

function agentsOf(): { http: http.Agent; https: https.Agent } {
  agents ??= {
    http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    // --insecure (Newman's flag): a self-signed certificate is accepted, for a test host behind one.
    https: new https.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: !readRunSettings(process.env).tlsInsecure }),
  };
  return agents;
}

export const httpClient: HttpClient = {
  async send(req) {
    const url = new URL(req.url);
    const agent = url.protocol === 'https:' ? agentsOf().https : agentsOf().http;
    const method = req.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let pending = request(url.origin)
      [method](url.pathname + url.search)
      .agent(agent);
    if (req.timeoutMs) pending = pending.timeout(req.timeoutMs);
    for (const [name, value] of Object.entries(req.headers)) pending = pending.set(name, value);
    if (req.body !== undefined) pending = pending.send(req.body);
    const res = await pending;
    return { status: res.status, headers: { ...(res.headers as RawResponse['headers']) }, text: res.text };
  },
  close() {
    agents?.http.destroy();
    agents?.https.destroy();
  },
};
