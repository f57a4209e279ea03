// Builds one sandbox: a configured fastify instance and the state it serves. It never listens;
// main.ts does that, and unit tests drive the instance with app.inject.
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULT_BODY_LIMIT_BYTES } from './platform/body-parsers';
import { answerFrameworkError } from './platform/error-handler';
import { newCorrelationId } from './platform/correlation-id';
import { registerPlatform } from './platform/register';
import { answerClientError, registerServerErrors, serverTimeouts } from './platform/http-server';
import { adminService } from './services/admin';
import { authenticationService } from './services/authentication';
import { chatService } from './services/chat';
import { mediaService } from './services/media';
import { notificationsService } from './services/notifications';
import { createState, type SandboxState } from './state';
import { registerSwitchboard } from './switchboard/hooks';
import type { SandboxOptions } from './types';

/** CloudLink's date-versioned base path (P-BUILD), one prefix per service on the sandbox's port. */
export const API_VERSION = '2017-09-01';
export const SERVICE_PREFIXES = {
  auth_url: `/authentication/${API_VERSION}`,
  admin_url: `/admin/${API_VERSION}`,
  media_url: `/media/${API_VERSION}`,
  chat_url: `/chat/${API_VERSION}`,
  notifications_url: `/notifications/${API_VERSION}`,
} as const;

export interface BuiltSandbox {
  app: FastifyInstance;
  state: SandboxState;
}

export function buildSandbox(options: SandboxOptions = {}): BuiltSandbox {
  const state = createState(options);
  const timeouts = serverTimeouts(options.timeouts);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    genReqId: newCorrelationId,
    // A client-supplied request id must not become the correlation id: CloudLink issues its own.
    requestIdHeader: false,
    // close() must not wait for idle keep-alive sockets of test clients.
    forceCloseConnections: true,
    // fastify's 503 for a request that arrives while closing is in its own shape, without a
    // correlation id; the sandbox just answers it, and close() then drops the connection.
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError,
    // Node's own answers to broken requests are bare; this one speaks the platform shape.
    clientErrorHandler: answerClientError,
    // fastify sets these two on the server after creating it (its own defaults otherwise); Node
    // checks headersTimeout against requestTimeout when the server is created, so both go in `http`.
    requestTimeout: timeouts.requestTimeout,
    keepAliveTimeout: timeouts.keepAliveTimeout,
    http: {
      headersTimeout: timeouts.headersTimeout,
      requestTimeout: timeouts.requestTimeout,
      connectionsCheckingInterval: timeouts.connectionsCheckingInterval,
      // Its 400 for a missing Host has no body and no correlation id; platform/http-server.ts
      // applies the same rule in the platform shape.
      requireHostHeader: false,
    },
  });
  registerServerErrors(app);
  registerPlatform(app);
  registerSwitchboard(app, state);
  app.register(named(authenticationService, 'authentication'), { prefix: SERVICE_PREFIXES.auth_url, state });
  app.register(named(adminService, 'admin'), { prefix: SERVICE_PREFIXES.admin_url, state });
  app.register(named(mediaService, 'media'), { prefix: SERVICE_PREFIXES.media_url, state });
  app.register(named(chatService, 'chat'), { prefix: SERVICE_PREFIXES.chat_url, state });
  app.register(named(notificationsService, 'notifications'), { prefix: SERVICE_PREFIXES.notifications_url, state });
  return { app, state };
}

/**
 * A plugin with a display name: without one, fastify looks for the plugin among the exports of
 * every loaded module (require.cache), which under jest walks its whole module registry on each
 * registration (measured: the largest single cost of building a sandbox in a unit test).
 */
function named<T extends object>(plugin: T, name: string): T {
  return Object.assign(plugin, { [Symbol.for('fastify.display-name')]: name });
}
