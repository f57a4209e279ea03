// The Recording tag of MEDIA-SPEC: GET /recordings, GET|PUT|DELETE /recordings/{recordingId}, and
// `$expand=media`'s "time limited URL", which the sandbox serves itself (a stand-in for the
// storage link CloudLink hands out): a few seconds of silence as audio/wav.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { optionalString } from '../../platform/json-fields';
import { jsonObjectBody } from '../../platform/request-fields';
import { inAccount, isAdmin, type MediaContext } from './context';
import { listPage } from './listing';
import type { RecordingRecord } from './model';

/** CHOICE: media links live an hour; the spec says only "time limited". */
const MEDIA_LINK_TTL_MS = 60 * 60 * 1000;
/** CHOICE: the served file is silence, at most this long whatever durationInSeconds says. */
const MAX_SERVED_SECONDS = 5;
const SAMPLE_RATE = 8000;

export function toRecordingResource(recording: RecordingRecord, servicePath: string): Record<string, unknown> {
  return {
    recordingId: recording.recordingId,
    callId: recording.callId,
    createdOn: recording.createdOn,
    contentType: recording.contentType,
    durationInSeconds: recording.durationInSeconds,
    ...(recording.label === undefined ? {} : { label: recording.label }),
    _links: { self: `${servicePath}/recordings/${recording.recordingId}` },
  };
}

/** 8-bit mono PCM WAV of silence. */
function silence(seconds: number): Buffer {
  const samples = Math.max(1, Math.min(seconds, MAX_SERVED_SECONDS)) * SAMPLE_RATE;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE, 28); // bytes per second
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

export function registerRecordingRoutes(app: FastifyInstance, media: MediaContext): void {
  const { servicePath, world, state } = media;
  const present = (recording: RecordingRecord) => toRecordingResource(recording, servicePath);
  const sign = (recordingId: string, expires: number) => createHmac('sha256', state.signingKey).update(`${recordingId}:${expires}`).digest('hex');

  /** "Recordings that you don't have permission to view will not be returned": admins see the account's, users their own. */
  const mayView = (who: Caller, recording: RecordingRecord) =>
    inAccount(who, recording.accountId) && (isAdmin(who) || recording.ownerPrincipalId === who.principalId);
  const visible = (who: Caller, recordingId: string): RecordingRecord => {
    const recording = world.recordings.get(recordingId);
    if (!recording || !mayView(who, recording)) throw notFound('RecordingNotFound', `No recording '${recordingId}'.`);
    return recording;
  };

  app.get('/recordings', async (request) => {
    const who = media.caller(request);
    const recordings = [...world.recordings.values()]
      .filter((recording) => mayView(who, recording))
      .sort((a, b) => b.createdOn.localeCompare(a.createdOn) || a.recordingId.localeCompare(b.recordingId));
    return listPage(request.query, recordings, `${servicePath}/recordings`, present);
  });

  app.get('/recordings/:recordingId', async (request: FastifyRequest) => {
    const { recordingId } = request.params as { recordingId: string };
    const recording = visible(media.caller(request), recordingId);
    const query = request.query as Record<string, unknown>;
    const refused = Object.keys(query).filter((key) => key.startsWith('$') && key !== '$expand');
    if (refused.length > 0 || (query.$expand !== undefined && query.$expand !== 'media')) {
      throw badRequest('UnsupportedQueryParameters', 'Only $expand=media is supported here.');
    }
    const format = query['media-format'];
    // CHOICE: the sandbox has one format; "wav" (or its media type) is the only one accepted.
    if (format !== undefined && format !== 'wav' && format !== 'audio/wav') {
      throw badRequest('InvalidRequest', "media-format must be 'wav' in the sandbox.");
    }
    const resource = present(recording);
    if (query.$expand !== 'media') return resource;
    const expires = state.now() + MEDIA_LINK_TTL_MS;
    const path = `${servicePath}/recordings/${recordingId}/media?expires=${expires}&signature=${sign(recordingId, expires)}`;
    const media_ = { url: `${request.protocol}://${request.host}${path}`, expiry: new Date(expires).toISOString() };
    return { ...resource, _embedded: { media: media_ } };
  });

  // The link's target: no token (it is pre-signed), 403 AccessDenied once expired or tampered with.
  app.get('/recordings/:recordingId/media', async (request, reply) => {
    const { recordingId } = request.params as { recordingId: string };
    const { expires, signature } = request.query as Record<string, string | undefined>;
    const expected = Buffer.from(sign(recordingId, Number(expires)));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw forbidden('AccessDenied', 'The media link signature does not match.');
    }
    if (Number(expires) < state.now()) throw forbidden('AccessDenied', 'The media link has expired.');
    const recording = world.recordings.get(recordingId);
    if (!recording) throw notFound('RecordingNotFound', `No recording '${recordingId}'.`);
    return reply.type('audio/wav').send(silence(recording.durationInSeconds));
  });

  app.put('/recordings/:recordingId', async (request) => {
    const { recordingId } = request.params as { recordingId: string };
    const recording = visible(media.caller(request), recordingId);
    const body = jsonObjectBody(request);
    const label = body && optionalString(body, 'label');
    if (label === undefined) throw badRequest('MissingParamInRequest', 'label is required.');
    recording.label = label;
    return present(recording);
  });

  app.delete('/recordings/:recordingId', async (request) => {
    const who = media.caller(request);
    const { recordingId } = request.params as { recordingId: string };
    const recording = visible(who, recordingId);
    // "This operation requires priviledged access" (MEDIA-SPEC): ACCOUNT_ADMIN or above.
    if (!isAdmin(who)) throw forbidden('InsufficientPermissions', 'Deleting recordings requires ADMIN rights.');
    world.recordings.delete(recordingId);
    // CHOICE: 200 with the deleted recording, like DELETE /applications/{id}.
    return present(recording);
  });
}
