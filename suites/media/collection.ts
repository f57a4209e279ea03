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

/** For examples (tools/conformance): OData's $top must be at least 1. */
const top0 = { $top: '0' };

export const media = defineCollection({
  name: 'Media',
  api: 'media',
  description: 'PBX endpoints, call control, call history, conferences and recordings of https://media.api.mitel.io/2017-09-01.',
  exampleVars: {
    noSuchEndpointId: '999',
    noSuchCallId: '999999999',
    // The second seeded user's extension: a line the primary user (an account admin) may drive.
    endpointId: '2002',
    conferenceName: 'example conference',
    label: 'example',
  },
  requests: {
    // Endpoint (line state and call control)
    'GET Endpoints': {
      description: 'There is no endpoint list in the Media API: the gateway answers 403.',
      method: 'GET',
      url: '{{media_url}}/endpoints',
      responses: gateway,
      examples: { 403: {} },
    },
    'GET Endpoint': {
      description: 'The line state and availability of one endpoint.',
      method: 'GET',
      url: endpoint,
      responses: { 200: 'media/endpoint', ...errors },
      examples: { 200: {}, 404: { vars: { endpointId: '{{noSuchEndpointId}}' } } },
    },
    'PUT Endpoint': {
      description: 'Turn do-not-disturb, message waiting or PSTN routing on or off.',
      method: 'PUT',
      url: endpoint,
      body: { mode: 'json', json: { action: 'dnd', enabled: false, userAvailability: 'available' } },
      responses: { 200: 'media/endpoint', ...errors },
      examples: { 200: { vars: { endpointId: '204' } }, 400: { vars: { endpointId: '204' }, json: { action: 'no-such-action' } } },
    },
    'GET Endpoint Calls': {
      description: 'The live calls of an endpoint ($skip, $top, $filter).',
      method: 'GET',
      url: `${endpoint}/calls`,
      responses: { 200: 'media/call-collection', ...errors },
      examples: { 200: { setup: ['POST Make Call'] }, 404: { vars: { endpointId: '{{noSuchEndpointId}}' } } },
    },
    'POST Make Call': {
      description: 'Place a call from an endpoint; answers the caller’s leg.',
      method: 'POST',
      url: `${endpoint}/calls`,
      body: { mode: 'json', json: { to: '{{to}}' } },
      responses: { 200: 'media/call', ...errors },
      // An outside number answers at once; the recording is what GET Recordings finds.
      examples: {
        200: { json: { to: '5550190', record: true }, captures: { fullCallId: 'callId', callId: 'callId#last', encodedCallId: 'callId#encoded' } },
        404: { vars: { endpointId: '{{noSuchEndpointId}}', to: '5550190' } },
      },
      // A live leg of the endpoint to the number dialled is the call; a recorded one leaves its recording once ended.
      leftovers: {
        list: 'GET Endpoint Calls',
        listVars: ['endpointId'],
        match: 'to',
        undo: 'PUT Call Action',
        vars: { callId: 'callId#last' },
        fixed: { action: 'end' },
        alreadyDone: [409],
        then: { list: 'GET Recordings', match: 'callId', undo: 'DELETE Recording', vars: { recordingId: 'recordingId' } },
      },
    },
    'GET Endpoint Call': {
      description: 'One leg of an endpoint, by the number that ends its callId and _links.self.',
      method: 'GET',
      url: call,
      responses: { 200: 'media/call', ...errors },
      examples: { 200: { setup: ['POST Make Call'] }, 404: { vars: { callId: '{{noSuchCallId}}' } } },
    },
    'PUT Call Action': {
      description: 'Answer, end, hold, retrieve, transfer, consult, dtmf… on a leg.',
      method: 'PUT',
      url: call,
      body: { mode: 'json', json: { action: '{{action}}' } },
      responses: { 200: 'media/call', ...errors },
      examples: { 200: { setup: ['POST Make Call'], vars: { action: 'end' } }, 404: { vars: { action: 'end', callId: '{{noSuchCallId}}' } } },
    },
    'DELETE Call': {
      description: 'Calls are ended with PUT {"action":"end"}; there is no DELETE, so the gateway answers 403.',
      method: 'DELETE',
      url: call,
      responses: gateway,
      examples: { 403: { setup: ['POST Make Call'] } },
    },
    // Calls and call history
    'GET Calls': {
      description: 'Every leg the caller may see, newest first ($skip, $top, $filter).',
      method: 'GET',
      url: '{{media_url}}/calls',
      responses: { 200: 'media/call-collection', ...errors },
      examples: { 200: { setup: ['POST Make Call'] }, 400: { query: top0 } },
    },
    'GET Call By Path': {
      description: 'The pitfall: a path-like callId under /calls/ is no route, so the gateway answers 403.',
      method: 'GET',
      url: '{{media_url}}/calls/{{callPath}}',
      responses: gateway,
      examples: { 403: { vars: { callPath: 'endpoints/2002/calls/1' } } },
    },
    'GET Call Records': {
      description: "The call history ($skip, $top, $filter such as contains(principal,'<id>')).",
      method: 'GET',
      url: '{{media_url}}/calls/records',
      responses: { 200: 'media/call-record-collection', ...errors },
      examples: { 200: { setup: ['PUT Call Action'] }, 400: { query: top0 } },
    },
    'PUT Call Records': {
      description: 'Hide (or show again) every record the $filter picks.',
      method: 'PUT',
      url: '{{media_url}}/calls/records',
      body: { mode: 'json', json: { hide: true } },
      responses: { 200: 'media/call-record-collection', ...errors },
      examples: {
        200: { setup: ['PUT Call Action'], query: { $filter: "callId eq '{{fullCallId}}'" }, json: { hide: false } },
        400: { json: { hide: 'perhaps' } },
      },
    },
    'GET Call Record': {
      description: 'The record of one call; {{callId}} is the callId percent-encoded, or written out as S-MEDIA does.',
      method: 'GET',
      url: '{{media_url}}/calls/{{callId}}/records',
      responses: { 200: 'media/call-record-collection', ...errors },
      examples: { 200: { setup: ['PUT Call Action'], vars: { callId: '{{encodedCallId}}' } }, 404: { vars: { callId: '{{noSuchId}}' } } },
    },
    'PUT Call Record': {
      description: 'Hide (or show again) the record of one call.',
      method: 'PUT',
      url: '{{media_url}}/calls/{{callId}}/records',
      body: { mode: 'json', json: { hide: true } },
      responses: { 200: 'media/call-record-collection', ...errors },
      examples: {
        200: { setup: ['PUT Call Action'], vars: { callId: '{{encodedCallId}}' }, json: { hide: false } },
        404: { vars: { callId: '{{noSuchId}}' }, json: { hide: false } },
      },
    },
    // Conferences and participants
    'GET Conferences': {
      description: 'Conferences, most recent first ($skip, $top, $filter, $orderby, $expand=tags, containsAllParticipants).',
      method: 'GET',
      url: '{{media_url}}/conferences',
      responses: { 200: 'media/conference-collection', ...errors },
      examples: { 200: { setup: ['POST Conference'] }, 400: { query: top0 } },
    },
    'POST Conference': {
      description: 'Create a conference; the creator becomes its first participant.',
      method: 'POST',
      url: '{{media_url}}/conferences',
      body: { mode: 'json', json: { name: '{{conferenceName}}' } },
      responses: { 200: 'media/conference', ...errors },
      examples: { 200: { captures: { conferenceId: 'id' } }, 400: { json: { name: 42 } } },
      // Deleting a conference that is recording leaves its recording, whose callId is the conference's id.
      leftovers: {
        list: 'GET Conferences',
        match: 'name',
        undo: 'DELETE Conference',
        vars: { conferenceId: 'id' },
        then: { list: 'GET Recordings', match: 'callId', from: 'id', undo: 'DELETE Recording', vars: { recordingId: 'recordingId' } },
      },
    },
    'GET Conference': {
      description: 'One conference ($expand=tags).',
      method: 'GET',
      url: conference,
      responses: { 200: 'media/conference', ...errors },
      examples: { 200: { setup: ['POST Conference'] }, 404: { vars: { conferenceId: '{{noSuchId}}' } } },
    },
    'PUT Conference': {
      description: 'Rename a conference or change its lobby policy.',
      method: 'PUT',
      url: conference,
      body: { mode: 'json', json: { name: '{{conferenceName}}' } },
      responses: { 200: 'media/conference', ...errors },
      examples: { 200: { setup: ['POST Conference'] }, 404: { vars: { conferenceId: '{{noSuchId}}' } } },
    },
    'POST Conference Action': {
      description: 'end, record, stop-record, pause-record or resume-record.',
      method: 'POST',
      url: conference,
      body: { mode: 'json', json: { action: '{{action}}' } },
      responses: { 200: 'media/conference', ...errors },
      examples: {
        // Only an active conference ends: someone has joined it.
        200: { setup: ['POST Participant Connection'], vars: { action: 'end' } },
        400: { setup: ['POST Conference'], vars: { action: 'no-such-action' } },
      },
    },
    'DELETE Conference': {
      description: 'Delete a conference (its creator or an admin).',
      method: 'DELETE',
      url: conference,
      responses: { 200: 'media/conference', ...errors },
      examples: { 200: { setup: ['POST Conference'] }, 404: { setup: ['DELETE Conference'] } },
    },
    'GET User Conferences': {
      description: 'The conferences a user created or takes part in.',
      method: 'GET',
      url: '{{media_url}}/users/{{userId}}/conferences',
      responses: { 200: 'media/conference-collection', ...errors },
      examples: {
        200: { setup: ['POST Conference'], vars: { userId: '{{primaryUserId}}' } },
        // An unknown user is an empty list, not a 404: the error is a bad $top.
        400: { vars: { userId: '{{primaryUserId}}' }, query: top0 },
      },
    },
    'GET Participants': {
      description: 'The participants of a conference ($skip, $top, $filter, $orderby).',
      method: 'GET',
      url: `${conference}/participants`,
      responses: { 200: 'media/conference-participant-collection', ...errors },
      examples: { 200: { setup: ['POST Conference'] }, 404: { vars: { conferenceId: '{{noSuchId}}' } } },
    },
    'POST Participant': {
      description: 'Invite a principal to a conference, or join an everyoneAllowed one yourself.',
      method: 'POST',
      url: `${conference}/participants`,
      body: { mode: 'json', json: { participantId: '{{participantId}}' } },
      responses: { 200: 'media/conference-participant', ...errors },
      examples: {
        200: { setup: ['POST Conference'], vars: { participantId: '{{secondUserId}}' }, captures: { participantId: 'participantId' } },
        404: { vars: { participantId: '{{secondUserId}}', conferenceId: '{{noSuchId}}' } },
      },
    },
    'GET Participant': {
      description: 'One participant of a conference.',
      method: 'GET',
      url: participant,
      responses: { 200: 'media/conference-participant', ...errors },
      examples: { 200: { setup: ['POST Participant'] }, 404: { setup: ['POST Conference'], vars: { participantId: '{{noSuchId}}' } } },
    },
    'PUT Participant': {
      description: 'Mute, associate, or leave ({"action":"leave"}).',
      method: 'PUT',
      url: participant,
      body: { mode: 'json', json: { action: 'leave' } },
      responses: { 200: 'media/conference-participant', ...errors },
      examples: {
        200: { setup: ['POST Participant'], as: 'second' }, // leaving is the participant's own act
        404: { setup: ['POST Conference'], vars: { participantId: '{{noSuchId}}' } },
      },
    },
    'DELETE Participant': {
      description: 'Remove a participant from a conference.',
      method: 'DELETE',
      url: participant,
      responses: { 200: 'media/conference-participant', ...errors },
      examples: { 200: { setup: [{ request: 'POST Participant', vars: { participantId: '{{thirdUserId}}' } }] }, 404: { setup: ['DELETE Participant'] } },
    },
    'POST Participant Connection': {
      description: 'The participant’s join details (token, media, signaling and TURN URLs).',
      method: 'POST',
      url: `${participant}/connections`,
      responses: { 200: 'media/participant-connection', ...errors, 429: '_shared/gateway-error' },
      examples: {
        200: { setup: ['POST Conference'], vars: { participantId: '{{primaryUserId}}' } },
        404: { setup: ['POST Conference'], vars: { participantId: '{{noSuchId}}' } },
      },
    },
    // Recordings
    'GET Recordings': {
      description: 'The recordings the caller may see ($skip, $top, $filter, $orderby).',
      method: 'GET',
      url: '{{media_url}}/recordings',
      responses: { 200: 'media/recording-collection', ...errors },
      examples: {
        200: { setup: ['PUT Call Action'], query: { $filter: "callId eq '{{fullCallId}}'" }, captures: { recordingId: '_embedded.items.0.recordingId' } },
        400: { query: top0 },
      },
    },
    'GET Recording': {
      description: 'One recording; $expand=media adds a time-limited link to the audio.',
      method: 'GET',
      url: recording,
      responses: { 200: 'media/recording', ...errors },
      examples: { 200: { setup: ['GET Recordings'] }, 404: { vars: { recordingId: '{{noSuchId}}' } } },
    },
    'PUT Recording': {
      description: 'Label a recording.',
      method: 'PUT',
      url: recording,
      body: { mode: 'json', json: { label: '{{label}}' } },
      responses: { 200: 'media/recording', ...errors },
      examples: { 200: { setup: ['GET Recordings'] }, 404: { vars: { recordingId: '{{noSuchId}}' } } },
    },
    'DELETE Recording': {
      description: 'Delete a recording (privileged: ACCOUNT_ADMIN or above).',
      method: 'DELETE',
      url: recording,
      responses: { 200: 'media/recording', ...errors },
      examples: { 200: { setup: ['GET Recordings'] }, 404: { setup: ['DELETE Recording'] } },
    },
  },
});

export type MediaRequest = keyof typeof media.requests;
