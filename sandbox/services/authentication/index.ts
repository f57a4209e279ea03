// The Authentication service (`https://authentication.api.mitel.io/2017-09-01`, AUTH-SPEC),
// registered by app.ts under its prefix. Only the routes listed here exist; any other path or
// method under the prefix falls to the platform's gateway 403.
import type { FastifyPluginAsync } from 'fastify';
import type { SandboxState } from '../../state';
import { registerApplicationRoutes } from './applications/routes';
import { registerAuthorizeRoute } from './authorize-route';
import { registerTokenRoutes } from './token-routes';

export interface ServiceOptions {
  state: SandboxState;
}

export const authenticationService: FastifyPluginAsync<ServiceOptions> = async (app, options) => {
  options.state.inventory.set('authentication.applications', () => options.state.applications.size);
  registerTokenRoutes(app, options.state);
  registerAuthorizeRoute(app, options.state);
  // Links inside bodies carry the service prefix, so they resolve against the sandbox origin.
  registerApplicationRoutes(app, options.state, app.prefix);
};
