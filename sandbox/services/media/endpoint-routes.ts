// The Endpoint tag of MEDIA-SPEC: line state (GET/PUT /endpoints/{endpointId}) and call control
// (GET/POST /endpoints/{endpointId}/calls, GET/PUT /endpoints/{endpointId}/calls/{callId}).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { optionalBoolean, optionalEnum, type JsonObject } from '../../platform/json-fields';
import { pageOf, parseOData } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import { performCallAction, readCallAction } from './calls/actions';
import { makeCall, readMakeCall } from './calls/make-call';
import { controlledEndpoint, legsOf, visibleEndpoint, type MediaContext, type MediaTx } from './context';
import { AVAILABILITIES, isActive, type CallLeg, type EndpointRecord } from './model';
import { CALL_FIELDS, toCallResource, toEndpointResource } from './presenter';

type EndpointParams = { endpointId: string };
type CallParams = EndpointParams & { callId: string };

/**
 * PUT /endpoints/{endpointId} (MEDIA-SPEC updateEndpointRequest). CHOICE: only `action` is
 * required (the spec also marks userAvailability required; the tutorials send the action alone).
 * dnd on sets availability "dnd"; off sets it back to the one given, or "available".
 */
function updateEndpoint(endpoint: EndpointRecord, body: JsonObject | undefined): void {
  if (!body) throw badRequest('MissingParamInRequest', 'action is required.');
  const action = optionalEnum(body, 'action', ['dnd', 'messageWaiting', 'pstnRouting'] as const);
  if (action === undefined) throw badRequest('MissingParamInRequest', 'action is required.');
  const availability = optionalEnum(body, 'userAvailability', AVAILABILITIES);
  const enabled = optionalBoolean(body, 'enabled') ?? false;
  const timeoutMs = body.timeoutMs;
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || timeoutMs < 3000 || timeoutMs > 30000)) {
    throw badRequest('InvalidRequest', 'timeoutMs must be a number from 3000 to 30000.');
  }
  if (action === 'dnd') {
    endpoint.dnd = enabled;
    endpoint.userAvailability = enabled ? 'dnd' : (availability ?? 'available');
    return;
  }
  if (action === 'messageWaiting') endpoint.messageWaiting = enabled;
  else endpoint.pstnRoutingEnabled = enabled;
  if (availability !== undefined) endpoint.userAvailability = availability;
}

/**
 * The leg a `{callId}` path segment names on this endpoint: its number (`_links.self` ends with
 * it) or the whole path-like callId percent-encoded as one segment. Anything else is 404.
 */
function legOf(media: MediaContext, endpoint: EndpointRecord, callId: string): CallLeg {
  const id = /^\d+$/.test(callId) ? `endpoints/${endpoint.endpointId}/calls/${callId}` : callId;
  const leg = media.world.legs.get(id);
  if (!leg || leg.endpointId !== endpoint.endpointId) {
    throw notFound('CallNotFound', `No call '${callId}' on endpoint '${endpoint.endpointId}'.`);
  }
  return leg;
}

export function registerEndpointRoutes(app: FastifyInstance, media: MediaContext): void {
  const { servicePath } = media;
  const tx = (request: FastifyRequest): MediaTx => ({ media, correlationId: request.id });
  const showEndpoint = (endpoint: EndpointRecord) => toEndpointResource(endpoint, legsOf(media, endpoint.endpointId), servicePath);

  app.get('/endpoints/:endpointId', async (request) => {
    const { endpointId } = request.params as EndpointParams;
    return showEndpoint(visibleEndpoint(media, media.caller(request), endpointId));
  });

  app.put('/endpoints/:endpointId', async (request) => {
    const { endpointId } = request.params as EndpointParams;
    const endpoint = controlledEndpoint(media, media.caller(request), endpointId);
    updateEndpoint(endpoint, jsonObjectBody(request));
    return showEndpoint(endpoint);
  });

  app.get('/endpoints/:endpointId/calls', async (request) => {
    const { endpointId } = request.params as EndpointParams;
    const endpoint = controlledEndpoint(media, media.caller(request), endpointId);
    // "a list of active calls currently associated to the endpoint" (MEDIA-SPEC), oldest first.
    const live = legsOf(media, endpoint.endpointId)
      .filter(isActive)
      .map((leg) => toCallResource(leg, servicePath));
    const query = parseOData(request.query, { allow: ['$skip', '$top', '$filter'], fields: CALL_FIELDS });
    return pageOf(live, query, `${servicePath}/endpoints/${endpoint.endpointId}/calls`);
  });

  app.post('/endpoints/:endpointId/calls', async (request) => {
    const { endpointId } = request.params as EndpointParams;
    const endpoint = controlledEndpoint(media, media.caller(request), endpointId);
    const wanted = readMakeCall(jsonObjectBody(request), endpoint);
    // CHOICE: an out-of-service endpoint cannot originate (MEDIA-SPEC lists outOfService as a line state).
    if (endpoint.outOfService) throw conflict('EndpointOutOfService', `Endpoint '${endpointId}' is out of service.`);
    // MEDIA-SPEC answers 200 with the call (the caller's leg).
    return toCallResource(makeCall(tx(request), endpoint, wanted), servicePath);
  });

  app.get('/endpoints/:endpointId/calls/:callId', async (request) => {
    const { endpointId, callId } = request.params as CallParams;
    const endpoint = controlledEndpoint(media, media.caller(request), endpointId);
    // A completed leg still answers, state "completed" (in MEDIA-SPEC's `call.state` enum).
    return toCallResource(legOf(media, endpoint, callId), servicePath);
  });

  app.put('/endpoints/:endpointId/calls/:callId', async (request) => {
    const { endpointId, callId } = request.params as CallParams;
    const endpoint = controlledEndpoint(media, media.caller(request), endpointId);
    const leg = legOf(media, endpoint, callId);
    const action = readCallAction(jsonObjectBody(request));
    // CHOICE: 200 with the leg after the action (MEDIA-SPEC's 200 has no schema; 202 is never used).
    return toCallResource(performCallAction(tx(request), leg, action), servicePath);
  });
}
