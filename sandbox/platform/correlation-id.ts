// Every CloudLink response carries `x-mitel-correlation-id` (P-USING "Logging"), errors and
// gateway 403s included. The id is fastify's request id, so the sandbox's own log lines (when the
// logger is on) can be matched with what a client saw.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const CORRELATION_HEADER = 'x-mitel-correlation-id';

/** Passed to fastify as `genReqId`: one random uuid per request, never taken from the caller. */
export function newCorrelationId(): string {
  return randomUUID();
}

export function registerCorrelationId(app: FastifyInstance): void {
  // onRequest runs before routing decisions, body parsing and every error path, so a header set
  // here survives onto 403/400/413/500 answers too.
  // Callback hooks rather than async ones here and in the other per-request hooks: the same
  // order and errors, without a promise per hook per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    done();
  });
  // A reply produced before onRequest (a client error fastify answers itself) would miss it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader(CORRELATION_HEADER)) reply.header(CORRELATION_HEADER, request.id);
    done(null, payload);
  });
}
