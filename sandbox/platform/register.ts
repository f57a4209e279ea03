// Wires the cross-cutting behaviour every CloudLink service shares onto the root instance, before
// any service registers, so each service inherits it through fastify's encapsulation.
import type { FastifyInstance } from 'fastify';
import { registerBodyParsers } from './body-parsers';
import { registerCorrelationId } from './correlation-id';
import { registerErrorHandler } from './error-handler';
import { registerGateway } from './gateway';
import { registerHostCheck } from './http-server';

export function registerPlatform(app: FastifyInstance): void {
  // Order matters: the correlation id must be on the reply before the gateway hook can answer.
  registerCorrelationId(app);
  registerHostCheck(app);
  registerGateway(app);
  registerBodyParsers(app);
  registerErrorHandler(app);
}
