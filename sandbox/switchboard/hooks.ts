// Plugs one sandbox's switchboard into its fastify instance: the keyed route and the two hooks
// that play what is switched on. Called by app.ts after the platform and before the services, so
// every service inherits the hooks and the gateway still answers routing misses first.
//
// Request faults play in onRequest: before body parsing and before any service sees the request,
// where a gateway or load balancer would fail it. Routing misses never get there (the platform's
// gateway hook answers them first), and the switchboard's own route is exempt so a test can always
// switch a fault off again. Held answers (hold-answer) are picked there too, so `remaining` drops
// before the service runs, but played in onSend: the service has done its work and the client has
// not seen it yet.
//
// Contract drifts play on the way out: body changes in preSerialization (the answer is still an
// object there, no re-parsing), status and content type in onSend (the last moment before the head
// is written). Only successful answers drift: a drift describes the contract of a resource, and
// error and gateway answers keep their own shapes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxState } from '../state';
import { isSwitchboardUrl, registerSwitchboardRoutes } from './admin-route';
import type { DriftDefinition } from './drift-catalogue';
import { applyFieldOps, driftedContentType, driftedStatus } from './drift-ops';
import { targetOf } from './matching';
import type { FaultPlan, Switchboard } from './switchboard';
import { SWITCHBOARD_TAG_HEADER, type RateLimitFault, type ServerErrorFault } from './types';

/** `{name, message}` per status, in the platform's error shape; names are CHOICES. */
const SERVER_ERRORS: Record<ServerErrorFault['status'], { name: string; message: string }> = {
  500: { name: 'InternalServerError', message: 'The sandbox failed to handle the request.' },
  502: { name: 'BadGateway', message: 'The service behind the gateway gave an invalid answer.' },
  503: { name: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
  // MEDIA-SPEC: 504 when the PBX does not answer in time.
  504: { name: 'GatewayTimeout', message: 'The service did not answer in time.' },
};

function retryAfter(fault: RateLimitFault): string {
  const seconds = fault.retryAfterSeconds ?? 1;
  if (fault.retryAfterFormat !== 'http-date') return String(seconds);
  // Wall-clock time, not the sandbox clock: clients read an HTTP-date against their own clock and
  // the Date header, and a test's sandbox clock may be frozen in the past. An HTTP-date has whole
  // seconds: the nearest one, so the wait it asks is the one asked for give or take half a second.
  // Rounded up, a one-second wait averaged 1.5 s, and the live run waits for it (sandbox/README.md).
  return new Date(Math.round((Date.now() + seconds * 1000) / 1000) * 1000).toUTCString();
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => {
    // unref: a long latency must not keep a finished test process alive.
    setTimeout(resolve, ms).unref();
  });
}

/** Resolves after `ms`, or sooner when the client has gone: there is no one left to hold it from. */
function hold(ms: number, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve) => {
    if (request.raw.socket.destroyed) return resolve();
    const release = (): void => {
      clearTimeout(timer);
      reply.raw.off('close', release);
      resolve();
    };
    // unref, as in wait(): a held answer must not keep a finished test process alive.
    const timer = setTimeout(release, ms).unref();
    // Once released, fastify writes to a closed socket, which Node drops without an error.
    reply.raw.once('close', release);
  });
}

function answer(plan: Required<FaultPlan>['answer'], request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (plan.kind) {
    case 'reset':
      // No answer at all: the client sees the connection reset (RST) mid-request.
      reply.hijack();
      request.raw.socket.resetAndDestroy();
      return reply;
    case 'server-error': {
      const body = SERVER_ERRORS[plan.status];
      return reply.code(plan.status).send({ name: plan.name ?? body.name, message: plan.message ?? body.message });
    }
    case 'rate-limit':
      // AUTH-SPEC TooManyRequestsResponse: only a message.
      return reply.code(429).header('retry-after', retryAfter(plan)).send({ message: 'Too Many Requests' });
  }
}

async function playFaults(switchboard: Switchboard, request: FastifyRequest, reply: FastifyReply, holds: WeakMap<FastifyRequest, number>): Promise<void> {
  const tag = request.headers[SWITCHBOARD_TAG_HEADER];
  const plan = switchboard.planFor(targetOf(request.method, request.url, typeof tag === 'string' ? tag : undefined));
  if (plan.holdMs > 0) holds.set(request, plan.holdMs);
  if (plan.delayMs > 0) await wait(plan.delayMs);
  if (plan.answer) answer(plan.answer, request, reply);
}

// The hooks run on every request and nearly always have nothing to play: they answer at once,
// without a promise, when the switchboard holds no fault (or no drift) at all, and when the
// request has no answer to hold.
function registerFaultHooks(app: FastifyInstance, switchboard: Switchboard): void {
  // Picked in onRequest, played in onSend; a WeakMap, so a request that never gets there leaves nothing behind.
  const holds = new WeakMap<FastifyRequest, number>();

  app.addHook('onRequest', (request, reply, done) => {
    if (!switchboard.hasFaults || isSwitchboardUrl(request.url)) return done();
    // An answered request is not passed on (fastify stops at a sent reply); a hijacked one is not either.
    playFaults(switchboard, request, reply, holds).then(() => done(), done);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const ms = holds.get(request);
    if (ms === undefined) return done(null, payload);
    holds.delete(request);
    void hold(ms, request, reply).then(() => done(null, payload));
  });
}

function registerDriftHooks(app: FastifyInstance, switchboard: Switchboard): void {
  const driftsOf = (request: FastifyRequest, reply: FastifyReply): DriftDefinition[] => {
    if (!switchboard.hasDrifts) return [];
    if (reply.statusCode < 200 || reply.statusCode >= 300 || isSwitchboardUrl(request.url)) return [];
    return switchboard.driftsFor(targetOf(request.method, request.url));
  };

  app.addHook('preSerialization', (request, reply, payload: unknown, done) => {
    const drifts = driftsOf(request, reply);
    if (drifts.length === 0) return done(null, payload);
    // A copy: presenters may hand out objects that are also kept elsewhere.
    const drifted = structuredClone(payload);
    for (const definition of drifts) applyFieldOps(drifted, definition.ops);
    done(null, drifted);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    for (const definition of driftsOf(request, reply)) {
      const status = driftedStatus(definition.ops, reply.statusCode);
      if (status !== reply.statusCode) void reply.code(status);
      const contentType = driftedContentType(definition.ops);
      if (contentType !== undefined) void reply.header('content-type', contentType);
    }
    done(null, payload);
  });
}

export function registerSwitchboard(app: FastifyInstance, state: SandboxState): void {
  registerSwitchboardRoutes(app, state.switchboard, () => Object.fromEntries([...state.inventory].map(([name, read]) => [name, read()])));
  registerDriftHooks(app, state.switchboard);
  // After the drifts' onSend, so what is held is the answer exactly as it will be sent.
  registerFaultHooks(app, state.switchboard);
}
