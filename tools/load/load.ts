// `npm run load [-- --requests N] [-- --seconds S] [-- --concurrency C] [-- --warmup W] [-- --same-thread]`:
// a small load test of the embedded sandbox. It starts a private sandbox (on a thread of its own
// unless --same-thread; sandbox-thread.ts says why), logs the users in, then drives two phases one
// after the other, each W untimed requests and then stopped by whichever comes first of N requests
// or S seconds:
//   read   GET Token (the token's claims)
//   write  POST Conversation, then DELETE Conversation (each counts as a request)
// Requests are the Conversations collection's named requests, sent through the harness's send
// pipeline with the auth step and the transport only: no retries, which would turn a failure into a
// slower success and flatter the figure; a resend by auth (refresh on a 401) is counted apart. C
// clients run in parallel over the transport's keep-alive sockets. Prints requests/s, p50/p99
// latency, errors and the process's CPU per request; exits 1 on any error, so it can guard against
// regressions in CI.
import type { NamedRequest } from '../../harness/client/named-request';
import { discoverCollections } from '../../harness/collections';
import { loggedIn, sandboxContext } from '../../harness/jest/live-setup';
import { closeTransport, type Step } from '../../harness/pipeline';
import { auth } from '../../harness/pipeline/auth';
import { compose } from '../../harness/pipeline/compose';
import { transport } from '../../harness/pipeline/transport';
import { UserError } from '../../harness/user-error';
import { integerFlag, parseFlags } from '../cli/args';
import { startLoadSandbox } from './sandbox-thread';
import { combined, header, routeStats, row, sandboxCapacity, timed, type PhaseTime, type RouteStats } from './stats';

const USAGE = `usage: npm run load -- [--requests N] [--seconds S] [--concurrency C] [--same-thread]
  --requests N     requests per phase (default 10000; a write pair counts as two)
  --seconds S      time limit per phase (default 15)
  --concurrency C  parallel keep-alive clients (default 16, the transport's socket pool)
  --warmup N       untimed requests before each phase (default 5000), so V8's compiler is not timed:
                   after 1000 the client still spent 420 µs of CPU per request, after 5000 about 250
  --same-thread    run the sandbox on the client's thread (the figures then include the client's CPU)
CPU µs/req is the whole process's CPU (client and sandbox) per request of the phase: on a machine
shared with other work, it moves far less than requests/s does. Sandbox busy is how much of the
phase the sandbox's own thread worked: well under 100%, the client set the pace, and the line under
the table gives the rate the sandbox could answer on its own core.`;

interface Limits {
  requests: number;
  seconds: number;
  concurrency: number;
  warmup: number;
}

interface Phase {
  /** Clients stop once this many requests are sent or the deadline is passed. */
  budget: { requests: number; deadline: number };
  sent: number;
}

function positiveSeconds(raw: string | undefined): number {
  if (raw === undefined) return 15;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new UserError(`Option --seconds takes a positive number, not ${JSON.stringify(raw)}.`);
  return value;
}

/** Runs `concurrency` clients, each repeating `iteration` (which sends `cost` requests) until the budget is spent. */
async function drive(concurrency: number, phase: Phase, cost: number, iteration: () => Promise<void>, measureBusy?: () => () => number): Promise<PhaseTime> {
  const started = Date.now();
  const cpu = process.cpuUsage();
  const busy = measureBusy?.();
  const client = async (): Promise<void> => {
    while (phase.sent + cost <= phase.budget.requests && Date.now() < phase.budget.deadline) {
      phase.sent += cost; // reserved before awaiting, so parallel clients never overshoot the count
      await iteration();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const used = process.cpuUsage(cpu);
  return { seconds: (Date.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, ...(busy ? { sandboxBusy: busy() } : {}) };
}

/**
 * A phase: first `warmup` requests that are not timed (V8 compiles the hot path of both sides during
 * the first thousand or so, and timing them measures the compiler: CPU per request was more than
 * twice the steady state over the first 3000), then the measured run. Errors of the warm-up stay
 * counted, so a failing route fails the run either way.
 */
async function runPhase(
  limits: Limits,
  cost: number,
  routes: RouteStats[],
  iteration: () => Promise<void>,
  measureBusy?: () => () => number,
): Promise<PhaseTime> {
  const phase = (requests: number): Phase => ({ budget: { requests, deadline: Date.now() + limits.seconds * 1000 }, sent: 0 });
  if (limits.warmup > 0) {
    await drive(limits.concurrency, phase(limits.warmup), cost, iteration);
    for (const stats of routes) {
      stats.latenciesMs = [];
      stats.wire = 0;
    }
  }
  return drive(limits.concurrency, phase(limits.requests), cost, iteration, measureBusy);
}

/** The pipeline a route's requests go down: auth, a count of what reaches the wire, the transport. */
function pipelineFor(stats: RouteStats) {
  const countWire: Step = (outgoing, _context, next) => {
    stats.wire += 1;
    return next(outgoing);
  };
  return compose([auth, countWire], transport);
}

function namedRequests(): Record<'read' | 'create' | 'remove', NamedRequest> {
  const [entry] = discoverCollections(undefined, ['conversations']);
  const requests = entry?.collection.requests ?? {};
  const named = (name: string): NamedRequest => {
    const found = requests[name];
    if (!found) throw new Error(`the Conversations collection has no "${name}", which npm run load sends`);
    return found;
  };
  return { read: named('GET Token'), create: named('POST Conversation'), remove: named('DELETE Conversation') };
}

export async function runLoad(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    requests: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    'same-thread': { type: 'boolean' },
    warmup: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    // runMain's: a mistake's stack.
    verbose: { type: 'boolean' },
  });
  if (values.help) return (process.stdout.write(`${USAGE}\n`), 0);
  const limits: Limits = {
    requests: integerFlag('--requests', values.requests, 1) ?? 10_000,
    seconds: positiveSeconds(values.seconds),
    concurrency: integerFlag('--concurrency', values.concurrency, 1) ?? 16,
    warmup: integerFlag('--warmup', values.warmup, 0) ?? 5000,
  };
  const { requests, seconds, concurrency } = limits;
  const sameThread = values['same-thread'] === true;
  const named = namedRequests();

  const sandbox = await startLoadSandbox(sameThread);
  try {
    const context = await loggedIn(sandboxContext(sandbox, { environment: 'sandbox' }));

    const read = routeStats('read   GET Token');
    const sendRead = pipelineFor(read);
    const readTime = await runPhase(
      limits,
      1,
      [read],
      async () => {
        await timed(read, 200, () => sendRead({ named: named.read, options: {} }, context));
      },
      sandbox.measureBusy,
    );

    // A direct chat between the primary and the second user, as the Conversations suite creates it.
    const [userId = '', participantId = ''] = ['primary', 'second'].map((key) => sandbox.credentials.users.find((user) => user.key === key)?.userId ?? '');
    const create = routeStats('write  POST Conversation');
    const remove = routeStats('write  DELETE Conversation');
    const [sendCreate, sendRemove] = [pipelineFor(create), pipelineFor(remove)];
    const writeTime = await runPhase(
      limits,
      2,
      [create, remove],
      async () => {
        const created = await timed(create, 201, () =>
          sendCreate({ named: named.create, options: { vars: { userId, participantId, conversationName: 'Harness chat: load' } } }, context),
        );
        const conversationId = (created?.body as { conversationId?: unknown } | undefined)?.conversationId;
        // Nothing to delete: the DELETE that cannot be sent is an error too.
        if (typeof conversationId !== 'string') return void (remove.errors += 1);
        await timed(remove, 200, () => sendRemove({ named: named.remove, options: { vars: { conversationId } } }, context));
      },
      sandbox.measureBusy,
    );

    const write = combined('write  (POST + DELETE)', create, remove);
    const where = sameThread ? 'on the client’s thread' : 'on a thread of its own';
    const out = [
      `sandbox load (sandbox ${where}): ${concurrency} keep-alive clients through the send pipeline (auth + transport),`,
      `up to ${requests} requests or ${seconds} s per phase, after ${limits.warmup} untimed`,
      '',
      header(),
      row(read, readTime, read.latenciesMs.length),
      row(create, writeTime, write.latenciesMs.length),
      row(remove, writeTime, write.latenciesMs.length),
      row(write, writeTime, write.latenciesMs.length),
    ];
    for (const [phase, time, count] of [
      ['read', readTime, read.latenciesMs.length],
      ['write', writeTime, write.latenciesMs.length],
    ] as const) {
      const capacity = sandboxCapacity(count, time);
      if (capacity !== undefined)
        out.push(
          `${phase}: the sandbox's thread was busy ${((time.sandboxBusy ?? 0) * 100).toFixed(0)}% of the phase; on its own core it could answer about ${Math.round(capacity)} requests/s.`,
        );
    }
    for (const stats of [read, create, remove]) if (stats.firstError) out.push(`first error on ${stats.label.trim()}: ${stats.firstError}`);
    process.stdout.write(`${out.join('\n')}\n`);
    return read.errors + write.errors === 0 ? 0 : 1;
  } finally {
    closeTransport();
    await sandbox.close();
  }
}
