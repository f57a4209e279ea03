// The named contract drifts the switchboard can switch on: each is one way CloudLink's answers
// could change under a client's feet (a field removed, renamed or retyped, an enum value changed,
// a status or content type changed, the HAL wrapper broken). Ids are stable — tests and the drift
// script refer to them — and read `<service>.<resource>.<change>`.
//
// Routes are "METHOD /path below the service prefix", `{name}` standing for one segment. Admin
// routes are another engineer's work in progress: its drifts are written against the paths and
// field names agreed for it (accounts, users with userId, accountId, email, name, role) and, like
// every field drift, change nothing where the field is absent.
//
// The kinds a schema alone used to miss have drifts of their own: an integer turned fraction, an
// always-sent field renamed camelCase → snake_case or removed (also from list items only), and a
// DELETE answering 204 with no body where the sandbox answers 200 with the resource.
import type { DriftOp } from './drift-ops';
import type { DriftInfo, ServiceName } from './types';

export interface DriftDefinition {
  id: string;
  service: ServiceName;
  description: string;
  /** 'http' (default): the answers of `routes`; 'webhook': the notification envelope POSTed to webhooks. */
  channel?: 'http' | 'webhook';
  routes: readonly string[];
  ops: readonly DriftOp[];
}

const TOKEN = ['POST /token'];
const APPLICATION = [
  'GET /apps',
  'POST /applications',
  'GET /applications/{applicationId}',
  'PUT /applications/{applicationId}',
  'DELETE /applications/{applicationId}',
];
const ACCOUNT = ['GET /accounts/{accountId}', 'PUT /accounts/{accountId}'];
const USERS = ['GET /accounts/{accountId}/users'];
const USER = [
  ...USERS,
  'POST /accounts/{accountId}/users',
  'GET /accounts/{accountId}/users/{userId}',
  'PUT /accounts/{accountId}/users/{userId}',
  'DELETE /accounts/{accountId}/users/{userId}',
];
const GROUP = [
  'GET /accounts/{accountId}/groups',
  'POST /accounts/{accountId}/groups',
  'GET /accounts/{accountId}/groups/{groupId}',
  'PUT /accounts/{accountId}/groups/{groupId}',
  'DELETE /accounts/{accountId}/groups/{groupId}',
];
const CALL_LISTS = ['GET /calls', 'GET /calls/records', 'GET /endpoints/{endpointId}/calls', 'GET /calls/{callId}/records'];
const CALL = [...CALL_LISTS, 'POST /endpoints/{endpointId}/calls', 'GET /endpoints/{endpointId}/calls/{callId}', 'PUT /endpoints/{endpointId}/calls/{callId}'];
const ENDPOINT = ['GET /endpoints/{endpointId}', 'PUT /endpoints/{endpointId}'];
const RECORDING = ['GET /recordings', 'GET /recordings/{recordingId}', 'PUT /recordings/{recordingId}', 'DELETE /recordings/{recordingId}'];
const CONFERENCE = [
  'GET /conferences',
  'POST /conferences',
  'GET /conferences/{conferenceId}',
  'POST /conferences/{conferenceId}',
  'PUT /conferences/{conferenceId}',
  'DELETE /conferences/{conferenceId}',
  'GET /users/{userId}/conferences',
];
const CONVERSATION = ['GET /conversations', 'POST /conversations', 'GET /conversations/{conversationId}', 'DELETE /conversations/{conversationId}'];
const PARTICIPANT = [
  'GET /conversations/{conversationId}/participants',
  'POST /conversations/{conversationId}/participants',
  'GET /conversations/{conversationId}/participants/{participantId}',
];
const MESSAGE = [
  'GET /conversations/{conversationId}/messages',
  'POST /conversations/{conversationId}/messages',
  'GET /conversations/{conversationId}/messages/{messageId}',
];
const SUBSCRIPTION = ['GET /subscriptions', 'POST /subscriptions', 'GET /subscriptions/{subscriptionId}', 'DELETE /subscriptions/{subscriptionId}'];
const WEBHOOK = ['POST {deviceId} (webhook delivery)'];

const drift = (id: string, description: string, routes: readonly string[], ops: readonly DriftOp[], channel?: 'webhook'): DriftDefinition => ({
  id,
  service: id.split('.')[0] as ServiceName,
  description,
  routes,
  ops,
  ...(channel ? { channel } : {}),
});

export const DRIFT_CATALOGUE: readonly DriftDefinition[] = [
  // Authentication
  drift('authentication.token.status-200', 'POST /token answers 200 instead of 201 Created.', TOKEN, [{ op: 'status', from: 201, to: 200 }]),
  drift('authentication.token.access-token-renamed', 'access_token is renamed accessToken.', TOKEN, [
    { op: 'rename', field: 'access_token', to: 'accessToken' },
  ]),
  drift('authentication.token.expires-in-string', 'expires_in is a string ("3600") instead of a number.', TOKEN, [
    { op: 'retype', field: 'expires_in', to: 'string' },
  ]),
  drift('authentication.token.refresh-token-missing', 'The token answer has no refresh_token.', TOKEN, [{ op: 'remove', field: 'refresh_token' }]),
  drift('authentication.token.type-enum', 'token_type "bearer" becomes "Bearer".', TOKEN, [{ op: 'enum', field: 'token_type', values: { bearer: 'Bearer' } }]),
  drift(
    'authentication.claims.account-id-missing',
    'GET /token (who am I) no longer answers accountId.',
    ['GET /token'],
    [{ op: 'remove', field: 'accountId' }],
  ),
  drift(
    'authentication.apps.items-renamed',
    'GET /apps puts its items in _embedded.applications, not _embedded.items.',
    ['GET /apps'],
    [{ op: 'rename', field: '_embedded.items', to: '_embedded.applications', on: 'body' }],
  ),
  drift('authentication.application.active-string', 'An application\'s active flag is the string "true"/"false".', APPLICATION, [
    { op: 'retype', field: 'active', to: 'string' },
  ]),
  drift('authentication.token.expires-in-fraction', 'expires_in is a fraction (3600.5) instead of whole seconds.', TOKEN, [
    { op: 'fraction', field: 'expires_in' },
  ]),
  drift('authentication.application.description-renamed', "An application's description is renamed application_description.", APPLICATION, [
    { op: 'rename', field: 'description', to: 'application_description' },
  ]),
  drift(
    'authentication.authorize.code-renamed',
    'POST /authorize answers {authorization_code} instead of {code}.',
    ['POST /authorize'],
    [{ op: 'rename', field: 'code', to: 'authorization_code' }],
  ),

  // Admin (applies once the admin service answers these routes)
  drift('admin.user.email-missing', 'User resources have no email.', USER, [{ op: 'remove', field: 'email' }]),
  drift('admin.user.id-renamed', 'userId is renamed id in user resources.', USER, [{ op: 'rename', field: 'userId', to: 'id' }]),
  drift('admin.user.role-enum', 'Roles are spelled in PascalCase (ACCOUNT_ADMIN → AccountAdmin).', USER, [
    {
      op: 'enum',
      field: 'role',
      values: { GLOBAL_ADMIN: 'GlobalAdmin', PARTNER_ADMIN: 'PartnerAdmin', ACCOUNT_ADMIN: 'AccountAdmin', USER: 'User', GUEST: 'Guest' },
    },
  ]),
  drift('admin.users.count-missing', 'The users collection has no count.', USERS, [{ op: 'remove', field: 'count', on: 'body' }]),
  drift('admin.users.links-missing', 'The users collection has no _links.', USERS, [{ op: 'remove', field: '_links', on: 'body' }]),
  drift('admin.user.display-name-renamed', 'displayName is renamed display_name in user resources.', USER, [
    { op: 'rename', field: 'displayName', to: 'display_name' },
  ]),
  drift('admin.users.items-email-missing', 'The users list drops email from its items (single users keep it).', USERS, [{ op: 'remove', field: 'email' }]),
  drift(
    'admin.user.delete-status-204',
    'DELETE of a user answers 204 with no body instead of 200 with the user.',
    ['DELETE /accounts/{accountId}/users/{userId}'],
    [{ op: 'status', from: 200, to: 204 }],
  ),
  drift('admin.group.member-count-fraction', "A group's memberCount is a fraction.", GROUP, [{ op: 'fraction', field: 'memberCount' }]),
  drift('admin.account.language-code-missing', 'The account has no languageCode.', ACCOUNT, [{ op: 'remove', field: 'languageCode' }]),
  drift('admin.account.name-renamed', "The account's name is renamed accountName.", ACCOUNT, [{ op: 'rename', field: 'name', to: 'accountName' }]),

  // Media
  drift('media.call.state-enum', 'Call states renamed: ringing → alerting, connected → answered, held → onHold, completed → cleared.', CALL, [
    {
      op: 'enum',
      field: 'state',
      values: { ringing: 'alerting', connected: 'answered', held: 'onHold', completed: 'cleared' },
    },
  ]),
  drift('media.call.call-id-missing', 'Calls and call records have no callId.', CALL, [{ op: 'remove', field: 'callId' }]),
  drift('media.call.from-number', "A call's from is a number (2002) instead of a string.", CALL, [{ op: 'retype', field: 'from', to: 'number' }]),
  drift(
    'media.make-call.status-201',
    'POST /endpoints/{endpointId}/calls answers 201 instead of 200.',
    ['POST /endpoints/{endpointId}/calls'],
    [{ op: 'status', from: 200, to: 201 }],
  ),
  drift('media.endpoint.dnd-string', 'An endpoint\'s dnd is the string "true"/"false".', ENDPOINT, [{ op: 'retype', field: 'dnd', to: 'string' }]),
  drift('media.endpoint.state-renamed', "An endpoint's state is renamed lineState.", ENDPOINT, [{ op: 'rename', field: 'state', to: 'lineState' }]),
  drift(
    'media.endpoint.content-type-text',
    'GET /endpoints/{endpointId} is served as text/plain.',
    ['GET /endpoints/{endpointId}'],
    [{ op: 'content-type', to: 'text/plain; charset=utf-8' }],
  ),
  drift('media.calls.items-renamed', 'Call collections put their items in _embedded.calls, not _embedded.items.', CALL_LISTS, [
    { op: 'rename', field: '_embedded.items', to: '_embedded.calls', on: 'body' },
  ]),
  drift('media.recording.duration-string', "A recording's durationInSeconds is a string.", RECORDING, [
    { op: 'retype', field: 'durationInSeconds', to: 'string' },
  ]),
  drift('media.recording.duration-fraction', "A recording's durationInSeconds is a fraction (60.5).", RECORDING, [
    { op: 'fraction', field: 'durationInSeconds' },
  ]),
  drift('media.call.from-name-renamed', "A call's fromName is renamed from_name.", CALL, [{ op: 'rename', field: 'fromName', to: 'from_name' }]),
  drift('media.calls.items-state-missing', 'Call lists drop state from their items (a single call keeps it).', CALL_LISTS, [{ op: 'remove', field: 'state' }]),
  drift('media.endpoint.name-missing', 'An endpoint has no name.', ENDPOINT, [{ op: 'remove', field: 'name' }]),
  drift('media.conference.access-code-number', "A conference's accessCode is a number (leading zeros lost).", CONFERENCE, [
    { op: 'retype', field: 'accessCode', to: 'number' },
  ]),

  // Chat
  drift('chat.conversation.id-renamed', 'conversationId is renamed id in conversation resources.', CONVERSATION, [
    { op: 'rename', field: 'conversationId', to: 'id' },
  ]),
  drift(
    'chat.conversation.create-status-200',
    'POST /conversations answers 200 instead of 201.',
    ['POST /conversations'],
    [{ op: 'status', from: 201, to: 200 }],
  ),
  drift(
    'chat.conversations.count-missing',
    'The conversations collection has no count.',
    ['GET /conversations'],
    [{ op: 'remove', field: 'count', on: 'body' }],
  ),
  drift(
    'chat.conversation.delete-status-204',
    'DELETE /conversations/{conversationId} answers 204 with no body instead of 200.',
    ['DELETE /conversations/{conversationId}'],
    [{ op: 'status', from: 200, to: 204 }],
  ),
  drift(
    'chat.participants.items-status-missing',
    'Participant lists drop status from their items.',
    ['GET /conversations/{conversationId}/participants'],
    [{ op: 'remove', field: 'status' }],
  ),
  drift('chat.message.account-id-renamed', "A message's accountId is renamed account_id.", MESSAGE, [{ op: 'rename', field: 'accountId', to: 'account_id' }]),
  drift('chat.message.body-missing', 'Messages have no body.', MESSAGE, [{ op: 'remove', field: 'body' }]),
  drift('chat.message.created-on-epoch', "A message's createdOn is epoch milliseconds instead of an ISO date.", MESSAGE, [
    { op: 'retype', field: 'createdOn', to: 'number' },
  ]),
  drift('chat.participant.status-enum', 'Participant status in lower case (ACCEPTED → accepted).', PARTICIPANT, [
    { op: 'enum', field: 'status', values: { ACCEPTED: 'accepted', INVITED: 'invited' } },
  ]),
  drift(
    'chat.messages.content-type-hal',
    'Message lists are served as application/hal+json.',
    ['GET /conversations/{conversationId}/messages'],
    [{ op: 'content-type', to: 'application/hal+json' }],
  ),

  // Notifications
  drift('notifications.subscription.id-renamed', 'subscriptionId is renamed id in subscription resources.', SUBSCRIPTION, [
    { op: 'rename', field: 'subscriptionId', to: 'id' },
  ]),
  drift(
    'notifications.subscription.create-status-200',
    'POST /subscriptions answers 200 instead of 201.',
    ['POST /subscriptions'],
    [{ op: 'status', from: 201, to: 200 }],
  ),
  drift('notifications.subscription.transport-enum', 'transport in upper case (webhook → WEBHOOK).', SUBSCRIPTION, [
    { op: 'enum', field: 'transport', values: { webhook: 'WEBHOOK', websocket: 'WEBSOCKET' } },
  ]),
  drift('notifications.subscription.subject-filter-renamed', 'subjectFilter is renamed subject_filter in subscription resources.', SUBSCRIPTION, [
    { op: 'rename', field: 'subjectFilter', to: 'subject_filter' },
  ]),
  drift(
    'notifications.subscription.delete-status-204',
    'DELETE /subscriptions/{subscriptionId} answers 204 with no body instead of 200.',
    ['DELETE /subscriptions/{subscriptionId}'],
    [{ op: 'status', from: 200, to: 204 }],
  ),
  drift(
    'notifications.subscriptions.items-flattened',
    'GET /subscriptions drops _embedded: items sit at the top level.',
    ['GET /subscriptions'],
    [
      { op: 'rename', field: '_embedded.items', to: 'items', on: 'body' },
      { op: 'remove', field: '_embedded', on: 'body' },
    ],
  ),
  drift(
    'notifications.publication.content-renamed',
    'Webhook notifications carry the resource in payload, not content.',
    WEBHOOK,
    [{ op: 'rename', field: 'content', to: 'payload' }],
    'webhook',
  ),
  drift(
    'notifications.publication.method-enum',
    'Webhook notification methods renamed: POST → CREATE, PUT → UPDATE, DELETE → REMOVE.',
    WEBHOOK,
    [{ op: 'enum', field: 'method', values: { POST: 'CREATE', PUT: 'UPDATE', DELETE: 'REMOVE' } }],
    'webhook',
  ),
];

const BY_ID = new Map(DRIFT_CATALOGUE.map((definition) => [definition.id, definition]));

export function findDrift(id: string): DriftDefinition | undefined {
  return BY_ID.get(id);
}

export function describeDrift(definition: DriftDefinition): DriftInfo {
  return { id: definition.id, service: definition.service, description: definition.description, routes: [...definition.routes] };
}
