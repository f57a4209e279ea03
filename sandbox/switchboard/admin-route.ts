// The switchboard's own route, on the sandbox origin outside every service prefix:
// GET/PUT/DELETE /__switchboard, GET /__switchboard/drifts and GET /__switchboard/inventory. Only the process that started the
// sandbox knows the per-instance key; without it (or with a wrong one) the route answers 404
// before reading a body, so ordinary clients — the suites under test included — cannot find or
// change it.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SandboxError } from '../platform/errors';
import { DRIFT_CATALOGUE, describeDrift, findDrift } from './drift-catalogue';
import type { Switchboard } from './switchboard';
import { SWITCHBOARD_KEY_HEADER, SWITCHBOARD_PATH } from './types';
import { SwitchboardSpecError, readConfig } from './validate';

export function isSwitchboardUrl(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === SWITCHBOARD_PATH || path.startsWith(`${SWITCHBOARD_PATH}/`);
}

function keyMatches(given: string | string[] | undefined, key: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `inventory` reads what the sandbox holds (SandboxState.inventory), so a process that did not start
 * the sandbox — a rehearsal of the nightly against a sandbox started apart — can prove a run left it
 * as it found it.
 */
export function registerSwitchboardRoutes(app: FastifyInstance, switchboard: Switchboard, inventory: () => Record<string, number | string>): void {
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!keyMatches(request.headers[SWITCHBOARD_KEY_HEADER], switchboard.key)) {
      return reply.code(404).send({ message: 'Not Found' });
    }
  };
  const route = { onRequest: guard };

  app.get(SWITCHBOARD_PATH, route, async () => switchboard.snapshot());

  app.put(SWITCHBOARD_PATH, route, async (request) => {
    try {
      return switchboard.configure(readConfig(request.body, (id) => findDrift(id) !== undefined));
    } catch (error) {
      if (!(error instanceof SwitchboardSpecError)) throw error;
      throw new SandboxError(400, 'InvalidSwitchboardSpec', error.message, { field: error.field });
    }
  });

  app.delete(SWITCHBOARD_PATH, route, async () => switchboard.reset());

  app.get(`${SWITCHBOARD_PATH}/inventory`, route, async () => inventory());

  app.get(`${SWITCHBOARD_PATH}/drifts`, route, async () => ({
    count: DRIFT_CATALOGUE.length,
    drifts: DRIFT_CATALOGUE.map(describeDrift),
  }));
}
