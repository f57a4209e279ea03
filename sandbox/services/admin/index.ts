// The Admin service (`https://admin.api.mitel.io/2017-09-01`, PM `admin_url`), registered by
// app.ts under its prefix. No spec of it was obtained: routes follow the
// community SDK (SWIFT) and the forgot-password call of DF-BOT, resources the SDK's models, and
// everything else is a CHOICE listed in sandbox/README.md. Any other path or method under the
// prefix falls to the platform's gateway 403.
import type { FastifyPluginAsync } from 'fastify';
import type { SandboxState } from '../../state';
import { registerAccountCollection } from './account-collection';
import { contactSpec, groupSpec, siteSpec } from './account-resources';
import { registerAccountRoutes } from './account-routes';
import { adminContext } from './context';
import { registerMemberRoutes } from './member-routes';
import { fingerprint } from '../../platform/fingerprint';
import { accountExtras, createAdminStore } from './store';
import { registerTagRoutes } from './tag-routes';
import { registerUserRoutes } from './user-routes';

export interface ServiceOptions {
  state: SandboxState;
}

export const adminService: FastifyPluginAsync<ServiceOptions> = async (app, options) => {
  // Sites, groups, tags and contacts live with this instance of the service; users and accounts
  // stay in the shared state, where the Authentication service signs people in from.
  const store = createAdminStore(options.state.users);
  const admin = adminContext(options.state, store, app.prefix);
  const { inventory } = options.state;
  inventory.set('admin.users', () => options.state.users.length);
  // Account extras and tag lists are made on first use; reading them through the same helpers makes
  // an untouched account and one that was only read look the same.
  inventory.set('admin.accounts', () => fingerprint(options.state.accounts.map((account) => [account, accountExtras(store, account)])));
  inventory.set('admin.tags', () => [...store.tags.values()].reduce((sum, tags) => sum + tags.length, 0));
  for (const kind of ['sites', 'groups', 'contacts'] as const) inventory.set(`admin.${kind}`, () => store[kind].size);
  registerAccountRoutes(app, admin);
  registerAccountCollection(app, admin, contactSpec(admin));
  registerUserRoutes(app, admin);
  registerTagRoutes(app, admin);
  registerAccountCollection(app, admin, siteSpec(admin));
  registerAccountCollection(app, admin, groupSpec(admin));
  registerMemberRoutes(app, admin);
};
