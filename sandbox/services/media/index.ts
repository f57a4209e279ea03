// The Media service (`https://media.api.mitel.io/2017-09-01`, MEDIA-SPEC), registered by app.ts
// under its prefix: PBX endpoints and call control, call history, conferences and recordings.
// Only the routes listed here exist; any other path or method under the prefix (a callId used
// under /calls/ included) falls to the platform's gateway 403.
import type { FastifyPluginAsync } from 'fastify';
import type { SandboxState } from '../../state';
import { registerCallRoutes } from './call-routes';
import { expireUnanswered } from './calls/core';
import { registerConferenceRoutes } from './conferences/conference-routes';
import { registerParticipantRoutes } from './conferences/participant-routes';
import { fingerprint } from '../../platform/fingerprint';
import { mediaContext } from './context';
import { isActive } from './model';
import { registerEndpointRoutes } from './endpoint-routes';
import { registerRecordingRoutes } from './recording-routes';
import { seedMediaWorld } from './seed';

export interface ServiceOptions {
  state: SandboxState;
}

export const mediaService: FastifyPluginAsync<ServiceOptions> = async (app, options) => {
  // The PBX world lives with this instance of the service, seeded from the directory's extensions.
  const media = mediaContext(options.state, seedMediaWorld(options.state.users), app.prefix);
  const { world } = media;
  const { inventory } = options.state;
  // Completed legs stay as call records, which the API can hide but never delete: history, not state.
  inventory.set('media.activeCalls', () => [...world.legs.values()].filter(isActive).length);
  inventory.set('media.conferences', () => world.conferences.size);
  inventory.set('media.recordings', () => world.recordings.size);
  inventory.set('media.endpointSettings', () =>
    fingerprint([...world.endpoints.values()].map((e) => [e.endpointId, e.userAvailability, e.dnd, e.messageWaiting, e.pstnRoutingEnabled])),
  );
  // originateTimeout has no timer: calls that rang out are cleared, at the time they rang out,
  // before any media request is served, so a test clock moved forward sees them cleared.
  app.addHook('preHandler', async (request) => {
    expireUnanswered({ media, correlationId: request.id });
  });
  registerEndpointRoutes(app, media);
  registerCallRoutes(app, media);
  registerConferenceRoutes(app, media);
  registerParticipantRoutes(app, media);
  registerRecordingRoutes(app, media);
};
