// `npm run load [-- --requests N] [-- --seconds S] [-- --concurrency C]`: a small load test of the
// embedded sandbox. It starts a private sandbox, logs in as the primary user, then drives two
// phases one after the other, each stopped by whichever comes first of N requests or S seconds:
//   read   GET  {{auth_url}}/token (the token's claims)
//   write  POST {{chat_url}}/conversations, then DELETE that conversation (each counts as a request)
// C clients run in parallel over keep-alive sockets, so the numbers measure the sandbox's handlers
// rather than TCP set-up. Prints requests/s, p50/p99 latency and errors per route; exits 1 on any
// error (an unexpected status or a failed connection), so it can guard against regressions in CI.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { startSandbox, type RunningSandbox } from '../../sandbox';

const USAGE = `usage: npm run load -- [--requests N] [--seconds S] [--concurrency C]
  --requests N     requests per phase (default 5000; a write pair counts as two)
  --seconds S      time limit per phase (default 15)
  --concurrency C  parallel keep-alive clients (default 16)`;

interface RouteStats {
  label: string;
  latenciesMs: number[];
  errors: number;
  firstError?: string;
}

interface Answer {
  status: number;
  body: string;
}

interface Phase {
  /** Stops clients once this many requests are sent or the deadline is passed. */
  budget: { requests: number; deadline: number };
  sent: number;
}

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got '${raw}'`);
  return value;
}

/** One HTTP exchange over the shared keep-alive agent; the body is read in full so the socket is reusable. */
function send(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const request = http.request(url, { method, agent, headers: sized }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Times one request and books it on `stats`; answers undefined (and counts an error) when the status is not `expected`. */
async function timed(stats: RouteStats, expected: number, exchange: () => Promise<Answer>): Promise<Answer | undefined> {
  const started = process.hrtime.bigint();
  try {
    const answer = await exchange();
    stats.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.status === expected) return answer;
    stats.errors += 1;
    stats.firstError ??= `${answer.status} ${answer.body.slice(0, 200)}`;
  } catch (error) {
    stats.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    stats.errors += 1;
    stats.firstError ??= (error as Error).message;
  }
  return undefined;
}

/** Runs `concurrency` clients, each repeating `iteration` (which sends `cost` requests) until the budget is spent. */
async function drive(concurrency: number, phase: Phase, cost: number, iteration: () => Promise<void>): Promise<number> {
  const started = Date.now();
  const client = async (): Promise<void> => {
    while (phase.sent + cost <= phase.budget.requests && Date.now() < phase.budget.deadline) {
      phase.sent += cost; // reserved before awaiting, so parallel clients never overshoot the count
      await iteration();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return (Date.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function row(stats: RouteStats, seconds: number): string {
  const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
  const rate = seconds > 0 ? sorted.length / seconds : 0;
  return [
    stats.label.padEnd(44),
    String(sorted.length).padStart(7),
    rate.toFixed(0).padStart(9),
    percentile(sorted, 50).toFixed(2).padStart(9),
    percentile(sorted, 99).toFixed(2).padStart(9),
    String(stats.errors).padStart(7),
  ].join(' ');
}

async function login(sandbox: RunningSandbox, agent: http.Agent): Promise<string> {
  const primary = sandbox.credentials.users.find((user) => user.key === 'primary');
  if (!primary) throw new Error('the sandbox has no primary user');
  const form = new URLSearchParams({ grant_type: 'password', username: primary.username, password: primary.password, account_id: primary.accountId });
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const answer = await send(agent, `${sandbox.urls.auth_url}/token`, 'POST', formHeaders, form.toString());
  if (answer.status !== 201) throw new Error(`login answered ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}

export async function runLoad(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { requests: { type: 'string' }, seconds: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const requests = Math.floor(positive('requests', values.requests, 5000));
  const seconds = positive('seconds', values.seconds, 15);
  const concurrency = Math.floor(positive('concurrency', values.concurrency, 16));

  const sandbox = await startSandbox();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const token = await login(sandbox, agent);
    const headers = { authorization: `Bearer ${token}` };
    const budget = () => ({ requests, deadline: Date.now() + seconds * 1000 });

    const read: RouteStats = { label: 'read   GET  /authentication/…/token', latenciesMs: [], errors: 0 };
    const readSeconds = await drive(concurrency, { budget: budget(), sent: 0 }, 1, async () => {
      await timed(read, 200, () => send(agent, `${sandbox.urls.auth_url}/token`, 'GET', headers));
    });

    // A direct chat between the primary and the second user, as the Conversations collection creates it.
    const [primary, second] = ['primary', 'second'].map((key) => sandbox.credentials.users.find((user) => user.key === key)?.userId);
    const conversation = JSON.stringify({
      stream: false,
      hidden: true,
      generateSystemMessages: false,
      originalParticipants: [
        { type: 'USER', participantId: primary },
        { type: 'USER', participantId: second },
      ],
    });
    const create: RouteStats = { label: 'write  POST /chat/…/conversations', latenciesMs: [], errors: 0 };
    const remove: RouteStats = { label: 'write  DELETE /chat/…/conversations/{id}', latenciesMs: [], errors: 0 };
    const jsonHeaders = { ...headers, 'content-type': 'application/json' };
    const writeSeconds = await drive(concurrency, { budget: budget(), sent: 0 }, 2, async () => {
      const created = await timed(create, 201, () => send(agent, `${sandbox.urls.chat_url}/conversations`, 'POST', jsonHeaders, conversation));
      const id = created && (JSON.parse(created.body) as { conversationId?: string }).conversationId;
      if (!id) return void (remove.errors += 1); // nothing to delete: the DELETE that cannot be sent is an error too
      await timed(remove, 200, () => send(agent, `${sandbox.urls.chat_url}/conversations/${encodeURIComponent(id)}`, 'DELETE', headers));
    });
    const write: RouteStats = {
      label: 'write  (POST + DELETE)',
      latenciesMs: [...create.latenciesMs, ...remove.latenciesMs],
      errors: create.errors + remove.errors,
    };

    const out = [
      `sandbox load: ${concurrency} keep-alive clients, up to ${requests} requests or ${seconds} s per phase`,
      '',
      ['route'.padEnd(44), 'requests'.padStart(7), 'req/s'.padStart(9), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'errors'.padStart(7)].join(' '),
      row(read, readSeconds),
      row(create, writeSeconds),
      row(remove, writeSeconds),
      row(write, writeSeconds),
    ];
    for (const stats of [read, create, remove]) if (stats.firstError) out.push(`first error on ${stats.label.trim()}: ${stats.firstError}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return read.errors + write.errors === 0 ? 0 : 1;
  } finally {
    agent.destroy();
    await sandbox.close();
  }
}
