// Account-wide calls and the Call History tag of MEDIA-SPEC: GET /calls (the spec's info text
// pages it, `/2017-09-01/calls?$top=5`; the community SDK reads it, SWIFT [3P]), GET|PUT
// /calls/records and GET|PUT /calls/{callId}/records.
//
// Records are the completed legs. A callId is path-like (`endpoints/200/calls/335`), so a record
// is addressed with the callId percent-encoded as one segment, `/calls/endpoints%2F200%2Fcalls%2F335/records`,
// or written out, `/calls/endpoints/200/calls/335/records` (S-MEDIA pastes the callId into the
// path as is). Nothing is routed at `/calls/<callId>` itself: there the gateway answers 403, the
// confusion of forum threads where a callId was used under /calls/.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, notFound } from '../../platform/errors';
import { applyOData, pageOf, parseOData, type HalCollection } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import { mayReadLeg, type MediaContext } from './context';
import { isActive, type CallLeg } from './model';
import { CALL_FIELDS, toCallRecord, toCallResource, type CallResource } from './presenter';

/** PUT body `{hide*: boolean}` (MEDIA-SPEC callRecordPutRequest); S-MEDIA sends `"true"`, so strings pass too. */
function readHide(body: Record<string, unknown> | undefined): boolean {
  const hide = body?.hide;
  if (hide === undefined || hide === null) throw badRequest('MissingParamInRequest', 'hide is required.');
  if (hide === true || hide === 'true') return true;
  if (hide === false || hide === 'false') return false;
  throw badRequest('InvalidRequest', 'hide must be true or false.');
}

const newestFirst = (a: CallLeg, b: CallLeg) =>
  (b.endTimeMs ?? b.createdOnMs) - (a.endTimeMs ?? a.createdOnMs) || b.createdOnMs - a.createdOnMs || b.sequence - a.sequence;

/** A record as listed, with the `principal` its $filter may name (MEDIA-SPEC `contains(principal, …)`). */
interface RecordRow {
  leg: CallLeg;
  record: CallResource;
  principal: string;
}

const RECORD_FIELDS = {
  ...Object.fromEntries(CALL_FIELDS.map((field) => [field, (row: RecordRow) => row.record[field]])),
  principal: (row: RecordRow) => row.principal,
};

export function registerCallRoutes(app: FastifyInstance, media: MediaContext): void {
  const { servicePath } = media;
  const visibleLegs = (who: Caller) => [...media.world.legs.values()].filter((leg) => mayReadLeg(media, who, leg));
  const records = (who: Caller) =>
    visibleLegs(who)
      .filter((leg) => !isActive(leg))
      .sort(newestFirst);
  // The principal of a record is its leg's owner (a user, or the device for desk phones).
  const rowOf = (leg: CallLeg): RecordRow => ({
    leg,
    record: toCallRecord(leg, servicePath),
    principal: media.world.endpoints.get(leg.endpointId)?.principalId ?? '',
  });
  const recordQuery = (query: unknown, allow: Parameters<typeof parseOData>[1]['allow']) => parseOData<RecordRow>(query, { allow, fields: RECORD_FIELDS });
  const shown = (row: RecordRow) => row.record;
  /** CHOICE: PUT answers 200 with the records it changed (MEDIA-SPEC's 200 has no schema). */
  const changed = (legs: CallLeg[], path: string): HalCollection<CallResource> => ({
    count: legs.length,
    _links: { self: path },
    _embedded: { items: legs.map((leg) => toCallRecord(leg, servicePath)) },
  });

  /** The record of one call; active, unknown or invisible calls have none (404). */
  const recordOf = (request: FastifyRequest, callId: string): CallLeg => {
    const leg = media.world.legs.get(callId);
    if (!leg || isActive(leg) || !mayReadLeg(media, media.caller(request), leg)) {
      throw notFound('CallRecordNotFound', `No call record for '${callId}'.`);
    }
    return leg;
  };

  app.get('/calls', async (request) => {
    const who = media.caller(request);
    // Every leg of the account, live and completed, newest first; a USER sees his own extension's.
    const legs = visibleLegs(who).sort((a, b) => b.createdOnMs - a.createdOnMs || b.sequence - a.sequence);
    const query = parseOData(request.query, { allow: ['$skip', '$top', '$filter'], fields: CALL_FIELDS });
    return pageOf(
      legs.map((leg) => toCallResource(leg, servicePath)),
      query,
      `${servicePath}/calls`,
    );
  });

  app.get('/calls/records', async (request) => {
    const who = media.caller(request);
    const rows = records(who)
      .filter((leg) => !leg.hidden)
      .map(rowOf);
    return pageOf(rows, recordQuery(request.query, ['$skip', '$top', '$filter']), `${servicePath}/calls/records`, shown);
  });

  app.put('/calls/records', async (request) => {
    const who = media.caller(request);
    const hide = readHide(jsonObjectBody(request));
    // The $filter picks the records; hidden ones included, so hide: false brings them back.
    const picked = applyOData(records(who).map(rowOf), recordQuery(request.query, ['$filter'])).map((row) => row.leg);
    for (const leg of picked) leg.hidden = hide;
    return changed(picked, `${servicePath}/calls/records`);
  });

  // S-MEDIA sends its contains(principal, …) $filter here too.
  const single = (request: FastifyRequest, callId: string, path: string) =>
    pageOf([rowOf(recordOf(request, callId))], recordQuery(request.query, ['$filter']), path, shown);
  const hideOne = (request: FastifyRequest, callId: string, path: string) => {
    const leg = recordOf(request, callId);
    leg.hidden = readHide(jsonObjectBody(request));
    return changed([leg], path);
  };
  const encodedPath = (callId: string) => `${servicePath}/calls/${encodeURIComponent(callId)}/records`;

  // CHOICE: a hidden record still answers when addressed by its callId; hiding takes it off the lists.
  app.get('/calls/:callId/records', async (request) => {
    const { callId } = request.params as { callId: string };
    return single(request, callId, encodedPath(callId));
  });
  app.put('/calls/:callId/records', async (request) => {
    const { callId } = request.params as { callId: string };
    return hideOne(request, callId, encodedPath(callId));
  });

  type Written = { endpointId: string; sequence: string };
  const writtenId = (params: Written) => `endpoints/${params.endpointId}/calls/${params.sequence}`;
  app.get('/calls/endpoints/:endpointId/calls/:sequence/records', async (request) => {
    const callId = writtenId(request.params as Written);
    return single(request, callId, encodedPath(callId));
  });
  app.put('/calls/endpoints/:endpointId/calls/:sequence/records', async (request) => {
    const callId = writtenId(request.params as Written);
    return hideOne(request, callId, encodedPath(callId));
  });
}
