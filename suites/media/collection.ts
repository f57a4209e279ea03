// The Media collection: the named requests of Mitel's Postman library for this API, as code. Paths,
// methods and statuses come from the published Media OpenAPI document (MEDIA-SPEC;
// docs/sources.md). GET /calls is not in that document; the spec's own info text pages it and the
// community SDK reads it (SWIFT). Requests that only show the API gateway's 403 are kept on
// purpose: a Postman user tries them, and the suites document what they answer (AWS).
import { defineCollection } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error', 409: '_shared/error' };
const gateway = { 403: '_shared/gateway-error' };

const endpoint = '{{media_url}}/endpoints/{{endpointId}}';
const call = `${endpoint}/calls/{{callId}}`;
const conference = '{{media_url}}/conferences/{{conferenceId}}';
const participant = `${conference}/participants/{{participantId}}`;
const recording = '{{media_url}}/recordings/{{recordingId}}';

export const media = defineCollection({
  name: 'Media',
  api: 'media',
  description: 'PBX endpoints, call control, call history, conferences and recordings of https://media.api.mitel.io/2017-09-01.',
  requests: {
    // Endpoint (line state and call control)
    'GET Endpoints': {
      description: 'There is no endpoint list in the Media API: the gateway answers 403.',
      method: 'GET',
      url: '{{media_url}}/endpoints',
      responses: gateway,
    },
    'GET Endpoint': {
      description: 'The line state and availability of one endpoint.',
      method: 'GET',
      url: endpoint,
      responses: { 200: 'media/endpoint', ...errors },
    },
    'PUT Endpoint': {
      description: 'Turn do-not-disturb, message waiting or PSTN routing on or off.',
      method: 'PUT',
      url: endpoint,
      body: { mode: 'json', json: { action: 'dnd', enabled: false, userAvailability: 'available' } },
      responses: { 200: 'media/endpoint', ...errors },
    },
    'GET Endpoint Calls': {
      description: 'The live calls of an endpoint ($skip, $top, $filter).',
      method: 'GET',
      url: `${endpoint}/calls`,
      responses: { 200: 'media/call-collection', ...errors },
    },
    'POST Make Call': {
      description: 'Place a call from an endpoint; answers the caller’s leg.',
      method: 'POST',
      url: `${endpoint}/calls`,
      body: { mode: 'json', json: { to: '{{to}}' } },
      responses: { 200: 'media/call', ...errors },
    },
    'GET Endpoint Call': {
      description: 'One leg of an endpoint, by the number that ends its callId and _links.self.',
      method: 'GET',
      url: call,
      responses: { 200: 'media/call', ...errors },
    },
    'PUT Call Action': {
      description: 'Answer, end, hold, retrieve, transfer, consult, dtmf… on a leg.',
      method: 'PUT',
      url: call,
      body: { mode: 'json', json: { action: '{{action}}' } },
      responses: { 200: 'media/call', ...errors },
    },
    'DELETE Call': {
      description: 'Calls are ended with PUT {"action":"end"}; there is no DELETE, so the gateway answers 403.',
      method: 'DELETE',
      url: call,
      responses: gateway,
    },
    // Calls and call history
    'GET Calls': {
      description: 'Every leg the caller may see, newest first ($skip, $top, $filter).',
      method: 'GET',
      url: '{{media_url}}/calls',
      responses: { 200: 'media/call-collection', ...errors },
    },
    'GET Call By Path': {
      description: 'The pitfall: a path-like callId under /calls/ is no route, so the gateway answers 403.',
      method: 'GET',
      url: '{{media_url}}/calls/{{callPath}}',
      responses: gateway,
    },
    'GET Call Records': {
      description: "The call history ($skip, $top, $filter such as contains(principal,'<id>')).",
      method: 'GET',
      url: '{{media_url}}/calls/records',
      responses: { 200: 'media/call-record-collection', ...errors },
    },
    'PUT Call Records': {
      description: 'Hide (or show again) every record the $filter picks.',
      method: 'PUT',
      url: '{{media_url}}/calls/records',
      body: { mode: 'json', json: { hide: true } },
      responses: { 200: 'media/call-record-collection', ...errors },
    },
    'GET Call Record': {
      description: 'The record of one call; {{callId}} is the callId percent-encoded, or written out as S-MEDIA does.',
      method: 'GET',
      url: '{{media_url}}/calls/{{callId}}/records',
      responses: { 200: 'media/call-record-collection', ...errors },
    },
    'PUT Call Record': {
      description: 'Hide (or show again) the record of one call.',
      method: 'PUT',
      url: '{{media_url}}/calls/{{callId}}/records',
      body: { mode: 'json', json: { hide: true } },
      responses: { 200: 'media/call-record-collection', ...errors },
    },
    // Conferences and participants
    'GET Conferences': {
      description: 'Conferences, most recent first ($skip, $top, $filter, $orderby, $expand=tags, containsAllParticipants).',
      method: 'GET',
      url: '{{media_url}}/conferences',
      responses: { 200: 'media/conference-collection', ...errors },
    },
    'POST Conference': {
      description: 'Create a conference; the creator becomes its first participant.',
      method: 'POST',
      url: '{{media_url}}/conferences',
      body: { mode: 'json', json: { name: '{{conferenceName}}' } },
      responses: { 200: 'media/conference', ...errors },
      leftovers: { list: 'GET Conferences', match: 'name', undo: 'DELETE Conference', vars: { conferenceId: 'id' } },
    },
    'GET Conference': {
      description: 'One conference ($expand=tags).',
      method: 'GET',
      url: conference,
      responses: { 200: 'media/conference', ...errors },
    },
    'PUT Conference': {
      description: 'Rename a conference or change its lobby policy.',
      method: 'PUT',
      url: conference,
      body: { mode: 'json', json: { name: '{{conferenceName}}' } },
      responses: { 200: 'media/conference', ...errors },
    },
    'POST Conference Action': {
      description: 'end, record, stop-record, pause-record or resume-record.',
      method: 'POST',
      url: conference,
      body: { mode: 'json', json: { action: '{{action}}' } },
      responses: { 200: 'media/conference', ...errors },
    },
    'DELETE Conference': {
      description: 'Delete a conference (its creator or an admin).',
      method: 'DELETE',
      url: conference,
      responses: { 200: 'media/conference', ...errors },
    },
    'GET User Conferences': {
      description: 'The conferences a user created or takes part in.',
      method: 'GET',
      url: '{{media_url}}/users/{{userId}}/conferences',
      responses: { 200: 'media/conference-collection', ...errors },
    },
    'GET Participants': {
      description: 'The participants of a conference ($skip, $top, $filter, $orderby).',
      method: 'GET',
      url: `${conference}/participants`,
      responses: { 200: 'media/conference-participant-collection', ...errors },
    },
    'POST Participant': {
      description: 'Invite a principal to a conference, or join an everyoneAllowed one yourself.',
      method: 'POST',
      url: `${conference}/participants`,
      body: { mode: 'json', json: { participantId: '{{participantId}}' } },
      responses: { 200: 'media/conference-participant', ...errors },
    },
    'GET Participant': {
      description: 'One participant of a conference.',
      method: 'GET',
      url: participant,
      responses: { 200: 'media/conference-participant', ...errors },
    },
    'PUT Participant': {
      description: 'Mute, associate, or leave ({"action":"leave"}).',
      method: 'PUT',
      url: participant,
      body: { mode: 'json', json: { action: 'leave' } },
      responses: { 200: 'media/conference-participant', ...errors },
    },
    'DELETE Participant': {
      description: 'Remove a participant from a conference.',
      method: 'DELETE',
      url: participant,
      responses: { 200: 'media/conference-participant', ...errors },
    },
    'POST Participant Connection': {
      description: 'The participant’s join details (token, media, signaling and TURN URLs).',
      method: 'POST',
      url: `${participant}/connections`,
      responses: { 200: 'media/participant-connection', ...errors, 429: '_shared/gateway-error' },
    },
    // Recordings
    'GET Recordings': {
      description: 'The recordings the caller may see ($skip, $top, $filter, $orderby).',
      method: 'GET',
      url: '{{media_url}}/recordings',
      responses: { 200: 'media/recording-collection', ...errors },
    },
    'GET Recording': {
      description: 'One recording; $expand=media adds a time-limited link to the audio.',
      method: 'GET',
      url: recording,
      responses: { 200: 'media/recording', ...errors },
    },
    'PUT Recording': {
      description: 'Label a recording.',
      method: 'PUT',
      url: recording,
      body: { mode: 'json', json: { label: '{{label}}' } },
      responses: { 200: 'media/recording', ...errors },
    },
    'DELETE Recording': {
      description: 'Delete a recording (privileged: ACCOUNT_ADMIN or above).',
      method: 'DELETE',
      url: recording,
      responses: { 200: 'media/recording', ...errors },
    },
  },
});

export type MediaRequest = keyof typeof media.requests;
