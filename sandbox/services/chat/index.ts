// The Chat (conversations) service (`https://chat.api.mitel.io/2017-09-01`, S-CHAT, P-BUILD),
// registered by app.ts under its prefix. No spec of it was obtained:
// the routes follow Mitel's direct-chat sample and the legacy SDK, and every gap is a CHOICE
// listed in sandbox/README.md. Any other path or method falls to the platform's gateway 403.
import type { FastifyPluginAsync } from 'fastify';
import type { SandboxState } from '../../state';
import { chatContext, registerConversationRoutes } from './conversation-routes';
import { registerMemberRoutes } from './member-routes';
import type { ConversationStore } from './store';

export interface ServiceOptions {
  state: SandboxState;
}

export const chatService: FastifyPluginAsync<ServiceOptions> = async (app, options) => {
  // Conversations live with this instance of the service: nothing else reads them.
  const store: ConversationStore = new Map();
  const chat = chatContext(options.state, store, app.prefix);
  options.state.inventory.set('chat.conversations', () => store.size);
  registerConversationRoutes(app, chat);
  registerMemberRoutes(app, chat);
};
