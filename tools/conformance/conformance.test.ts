// Conformance of the sandbox to the contracts the collections declare: every named request of every
// collection is sent at least once so that it succeeds and once so that it fails, and each answer
// must (1) carry a status the collection declares for that request and (2) validate against the
// schema declared for that status. A drift between sandbox, collection and schemas/ shows up here
// without running the suites.
//
// The steps run in table order against one sandbox and share one variable scope: a create step
// captures the new id, later steps read and change the resource, the delete step removes it and
// the step after shows the 404. Whatever is still left over is deleted in afterAll.
import { resolveForm, resolveJson, resolveTemplate } from '../../harness/env/resolve';
import type { Collection, NamedRequest } from '../../harness/client/named-request';
import { pkceChallenge } from '../../harness/auth/pkce';
import { validateAgainst } from '../../harness/schema/registry';
import { admin } from '../../suites/admin/collection';
import { authentication } from '../../suites/authentication/collection';
import { conversations } from '../../suites/conversations/collection';
import { media } from '../../suites/media/collection';
import { notifications } from '../../suites/notifications/collection';
import { startSandbox, type RunningSandbox, type SandboxUser } from '../../sandbox';

const COLLECTIONS = { authentication, admin, media, conversations, notifications } satisfies Record<string, Collection>;
type Api = keyof typeof COLLECTIONS;
type As = SandboxUser['key'] | 'none';
// Answers are read loosely here: the schema check is what types them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Json = Record<string, any>;

interface Options {
  /** Request-local variables; values may hold {{…}} of the shared scope (captured ids). */
  vars?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  as?: As;
  /** Variables to add to the shared scope from a successful answer. */
  capture?: (body: Json) => Record<string, string>;
}
type Step = [api: Api, request: string, status: number, options?: Options];

/** Requests that cannot be sent in both ways, and why; their other half is still in STEPS. */
const EXEMPT: Record<string, string> = {
  'authentication/GET Unknown Path': 'no success: it exists to show the gateway 403 of a routing miss',
  'media/GET Endpoints': 'no success: the Media API has no endpoint list, the gateway answers 403',
  'media/DELETE Call': 'no success: calls end with PUT {"action":"end"}, DELETE is a gateway 403',
  'media/GET Call By Path': 'no success: a path-like callId under /calls/ is no route, the gateway answers 403',
};

const NONE = '00000000-0000-4000-8000-000000000000';
const VERIFIER = 'conformance-verifier-0123456789-0123456789-abcdef';
const top0 = { query: { $top: '0' } };
const gone = (vars: Record<string, string>): Options => ({ vars });

const STEPS: Step[] = [
  // Authentication
  ['authentication', 'POST Token', 201],
  ['authentication', 'POST Token', 401, { form: { password: 'wrong' } }],
  ['authentication', 'POST Refresh Token', 201],
  ['authentication', 'POST Refresh Token', 401, { vars: { refresh_token: 'garbage' } }],
  ['authentication', 'POST Client Credentials Token', 201],
  ['authentication', 'POST Client Credentials Token', 401, { form: { client_secret: 'wrong' } }],
  ['authentication', 'POST Authorize', 201, { capture: (b) => ({ code: b.code }) }],
  ['authentication', 'POST Authorize', 403, { form: { client_id: 'f'.repeat(32) } }],
  ['authentication', 'POST Authorization Code Token', 201],
  ['authentication', 'POST Authorization Code Token', 401], // the code was consumed just above
  ['authentication', 'GET Token', 200],
  ['authentication', 'GET Token', 401, { headers: { authorization: 'Bearer not-a-jwt' } }],
  ['authentication', 'GET Apps', 200],
  ['authentication', 'GET Apps', 400, top0],
  ['authentication', 'POST Application', 201, { as: 'partner', capture: (b) => ({ newApplicationId: b.applicationId }) }],
  ['authentication', 'POST Application', 403],
  ['authentication', 'GET Application', 200, { vars: { applicationId: '{{client_id}}' } }],
  ['authentication', 'GET Application', 404, { vars: { applicationId: 'f'.repeat(32) } }],
  ['authentication', 'GET Unknown Path', 403],
  // Admin: a user, a tag on it, a site, a group with it as member and a contact, all deleted again
  ['admin', 'GET Account', 200],
  ['admin', 'GET Account', 404, { vars: { accountId: NONE } }],
  ['admin', 'PUT Account', 200, { vars: { accountName: 'CloudLink Sandbox' } }],
  ['admin', 'PUT Account', 403, { as: 'user', vars: { accountName: 'Not allowed' } }],
  ['admin', 'POST User', 201, { capture: (b) => ({ userId: b.userId }) }],
  ['admin', 'POST User', 400, { json: { name: 'No Email' } }],
  ['admin', 'GET Users', 200],
  ['admin', 'GET Users', 400, top0],
  ['admin', 'GET User', 200],
  ['admin', 'GET User', 404, gone({ userId: NONE })],
  ['admin', 'PUT User', 200],
  ['admin', 'PUT User', 404, gone({ userId: NONE })],
  ['admin', 'GET Users (Token Account)', 200],
  ['admin', 'GET Users (Token Account)', 400, top0],
  ['admin', 'GET User (Token Account)', 200],
  ['admin', 'GET User (Token Account)', 404, gone({ userId: NONE })],
  ['admin', 'PUT Forgot Password', 200, { vars: { email: '{{username}}' } }],
  ['admin', 'PUT Forgot Password', 400, { vars: { email: '{{username}}' }, json: {} }],
  ['admin', 'POST User Tag', 201],
  ['admin', 'POST User Tag', 400, { json: { id: 'no-value' } }],
  ['admin', 'GET User Tags', 200],
  ['admin', 'GET User Tags', 400, top0],
  ['admin', 'GET User Tag', 200],
  ['admin', 'GET User Tag', 404, gone({ tagId: 'no-such-tag' })],
  ['admin', 'PUT User Tag', 200],
  ['admin', 'PUT User Tag', 400, { json: {} }],
  ['admin', 'POST Site', 201, { capture: (b) => ({ siteId: b.siteId }) }],
  ['admin', 'POST Site', 400, { json: {} }],
  ['admin', 'GET Sites', 200],
  ['admin', 'GET Sites', 400, top0],
  ['admin', 'GET Site', 200],
  ['admin', 'GET Site', 404, gone({ siteId: NONE })],
  ['admin', 'PUT Site', 200],
  ['admin', 'PUT Site', 404, gone({ siteId: NONE })],
  ['admin', 'POST Group', 201, { capture: (b) => ({ groupId: b.groupId }) }],
  ['admin', 'POST Group', 400, { json: {} }],
  ['admin', 'GET Groups', 200],
  ['admin', 'GET Groups', 400, top0],
  ['admin', 'GET Group', 200],
  ['admin', 'GET Group', 404, gone({ groupId: NONE })],
  ['admin', 'PUT Group', 200],
  ['admin', 'PUT Group', 404, gone({ groupId: NONE })],
  ['admin', 'POST Group Member', 201],
  ['admin', 'POST Group Member', 404, gone({ groupId: NONE })],
  ['admin', 'GET Group Members', 200],
  ['admin', 'GET Group Members', 400, top0],
  ['admin', 'GET Group Member', 200],
  ['admin', 'GET Group Member', 404, gone({ groupId: NONE })],
  ['admin', 'DELETE Group Member', 200],
  ['admin', 'DELETE Group Member', 404],
  ['admin', 'POST Contact', 201, { capture: (b) => ({ contactId: b.contactId }) }],
  ['admin', 'POST Contact', 400, { json: {} }],
  ['admin', 'GET Contacts', 200],
  ['admin', 'GET Contacts', 400, top0],
  ['admin', 'GET Contact', 200],
  ['admin', 'GET Contact', 404, gone({ contactId: NONE })],
  ['admin', 'PUT Contact', 200],
  ['admin', 'PUT Contact', 404, gone({ contactId: NONE })],
  ['admin', 'DELETE User Tag', 200],
  ['admin', 'DELETE User Tag', 404],
  ['admin', 'DELETE Contact', 200],
  ['admin', 'DELETE Contact', 404],
  ['admin', 'DELETE Group', 200],
  ['admin', 'DELETE Group', 404],
  ['admin', 'DELETE Site', 200],
  ['admin', 'DELETE Site', 404],
  ['admin', 'DELETE User', 200],
  ['admin', 'DELETE User', 404],
];

// Media and the two chat-like services come in a second table only to keep each one readable.
STEPS.push(
  // Media: a recorded call to an outside number (answered at once), its record and recording; a conference
  ['media', 'GET Endpoints', 403],
  ['media', 'GET Endpoint', 200],
  ['media', 'GET Endpoint', 404, gone({ endpointId: '999' })],
  ['media', 'PUT Endpoint', 200, { vars: { endpointId: '204' } }],
  ['media', 'PUT Endpoint', 400, { vars: { endpointId: '204' }, json: { action: 'no-such-action' } }],
  [
    'media',
    'POST Make Call',
    200,
    {
      json: { to: '5550190', record: true },
      capture: (b) => ({ fullCallId: b.callId, callId: String(b.callId).split('/').pop() ?? '' }),
    },
  ],
  ['media', 'POST Make Call', 404, { vars: { endpointId: '999' } }],
  ['media', 'GET Endpoint Calls', 200],
  ['media', 'GET Endpoint Calls', 404, gone({ endpointId: '999' })],
  ['media', 'GET Endpoint Call', 200],
  ['media', 'GET Endpoint Call', 404, gone({ callId: '999999999' })],
  ['media', 'PUT Call Action', 200, { vars: { action: 'end' } }],
  ['media', 'PUT Call Action', 404, { vars: { action: 'end', callId: '999999999' } }],
  ['media', 'DELETE Call', 403],
  ['media', 'GET Calls', 200],
  ['media', 'GET Calls', 400, top0],
  ['media', 'GET Call By Path', 403, { vars: { callPath: 'endpoints/2002/calls/1' } }],
  ['media', 'GET Call Records', 200],
  ['media', 'GET Call Records', 400, top0],
  ['media', 'PUT Call Records', 200, { query: { $filter: "callId eq '{{fullCallId}}'" }, json: { hide: false } }],
  ['media', 'PUT Call Records', 400, { json: { hide: 'perhaps' } }],
  ['media', 'GET Call Record', 200, { vars: { callId: '{{encodedCallId}}' } }],
  ['media', 'GET Call Record', 404, gone({ callId: NONE })],
  ['media', 'PUT Call Record', 200, { vars: { callId: '{{encodedCallId}}' }, json: { hide: false } }],
  ['media', 'PUT Call Record', 404, { vars: { callId: NONE }, json: { hide: false } }],
  [
    'media',
    'GET Recordings',
    200,
    {
      query: { $filter: "callId eq '{{fullCallId}}'" },
      capture: (b) => ({ recordingId: b._embedded.items[0].recordingId }),
    },
  ],
  ['media', 'GET Recordings', 400, top0],
  ['media', 'GET Recording', 200],
  ['media', 'GET Recording', 404, gone({ recordingId: NONE })],
  ['media', 'PUT Recording', 200],
  ['media', 'PUT Recording', 404, gone({ recordingId: NONE })],
  ['media', 'DELETE Recording', 200],
  ['media', 'DELETE Recording', 404],
  ['media', 'POST Conference', 200, { capture: (b) => ({ conferenceId: b.id }) }],
  ['media', 'POST Conference', 400, { json: { name: 42 } }],
  ['media', 'GET Conferences', 200],
  ['media', 'GET Conferences', 400, top0],
  ['media', 'GET Conference', 200],
  ['media', 'GET Conference', 404, gone({ conferenceId: NONE })],
  ['media', 'PUT Conference', 200],
  ['media', 'PUT Conference', 404, gone({ conferenceId: NONE })],
  ['media', 'GET User Conferences', 200, { vars: { userId: '{{primaryId}}' } }],
  ['media', 'GET User Conferences', 400, { vars: { userId: '{{primaryId}}' }, ...top0 }], // an unknown user is an empty list
  ['media', 'POST Participant', 200, { vars: { participantId: '{{secondId}}' } }],
  ['media', 'POST Participant', 404, { vars: { participantId: '{{secondId}}', conferenceId: NONE } }],
  ['media', 'GET Participants', 200],
  ['media', 'GET Participants', 404, gone({ conferenceId: NONE })],
  ['media', 'GET Participant', 200, { vars: { participantId: '{{secondId}}' } }],
  ['media', 'GET Participant', 404, gone({ participantId: NONE })],
  ['media', 'POST Participant Connection', 200, { vars: { participantId: '{{primaryId}}' } }],
  ['media', 'POST Participant Connection', 404, gone({ participantId: NONE })],
  ['media', 'PUT Participant', 200, { as: 'second', vars: { participantId: '{{secondId}}' } }],
  ['media', 'PUT Participant', 404, gone({ participantId: NONE })],
  ['media', 'POST Participant', 200, { vars: { participantId: '{{userId3}}' } }],
  ['media', 'DELETE Participant', 200, { vars: { participantId: '{{userId3}}' } }],
  ['media', 'DELETE Participant', 404, { vars: { participantId: '{{userId3}}' } }],
  ['media', 'POST Conference Action', 200, { vars: { action: 'end' } }],
  ['media', 'POST Conference Action', 400, { vars: { action: 'no-such-action' } }],
  ['media', 'DELETE Conference', 200],
  ['media', 'DELETE Conference', 404],
  // Conversations: a direct chat with the second user, the third added, one message
  ['conversations', 'GET Token', 200],
  ['conversations', 'GET Token', 401, { headers: { authorization: 'Bearer not-a-jwt' } }],
  [
    'conversations',
    'POST Conversation',
    201,
    {
      vars: { userId: '{{primaryId}}', participantId: '{{secondId}}' },
      capture: (b) => ({ conversationId: b.conversationId }),
    },
  ],
  ['conversations', 'POST Conversation', 400, { json: { originalParticipants: 'nobody' } }],
  ['conversations', 'GET Conversations', 200],
  ['conversations', 'GET Conversations', 400, top0],
  ['conversations', 'GET Conversation', 200],
  ['conversations', 'GET Conversation', 404, gone({ conversationId: NONE })],
  ['conversations', 'POST Participant', 201, { vars: { participantId: '{{userId3}}' } }],
  ['conversations', 'POST Participant', 404, { vars: { participantId: '{{userId3}}', conversationId: NONE } }],
  ['conversations', 'GET Participants', 200],
  ['conversations', 'GET Participants', 404, gone({ conversationId: NONE })],
  ['conversations', 'GET Participant', 200, { vars: { participantId: '{{userId3}}' } }],
  ['conversations', 'GET Participant', 404, gone({ participantId: NONE })],
  ['conversations', 'POST Message', 201, { capture: (b) => ({ messageId: b.messageId }) }],
  ['conversations', 'POST Message', 400, { json: { contentType: 'text/plain' } }],
  ['conversations', 'GET Messages', 200],
  ['conversations', 'GET Messages', 404, gone({ conversationId: NONE })],
  ['conversations', 'GET Message', 200],
  ['conversations', 'GET Message', 404, gone({ messageId: NONE })],
  ['conversations', 'DELETE Conversation', 200],
  ['conversations', 'DELETE Conversation', 404],
  // Notifications: a websocket subscription (no receiver needed)
  ['notifications', 'POST Subscription', 201, { capture: (b) => ({ subscriptionId: b.subscriptionId }) }],
  ['notifications', 'POST Subscription', 400, { json: {} }],
  ['notifications', 'GET Subscriptions', 200],
  ['notifications', 'GET Subscriptions', 400, top0],
  ['notifications', 'GET Subscription', 200],
  ['notifications', 'GET Subscription', 404, gone({ subscriptionId: NONE })],
  ['notifications', 'DELETE Subscription', 200],
  ['notifications', 'DELETE Subscription', 404],
);

let sandbox: RunningSandbox;
const tokens: Partial<Record<SandboxUser['key'], string>> = {};
/** The shared variable scope: environment values, fixed fixture values and captured ids. */
const scope: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandbox();
  const { credentials } = sandbox;
  const primary = user('primary');
  Object.assign(scope, sandbox.urls, credentials.client, {
    username: primary.username,
    password: primary.password,
    accountId: credentials.accountId,
    primaryId: primary.userId,
    secondId: user('second').userId,
    userId3: user('user').userId,
    code_challenge: pkceChallenge(VERIFIER),
    code_verifier: VERIFIER,
    appName: 'conformance-app',
    appDescription: 'Created by the conformance test',
    accountName: 'CloudLink Sandbox',
    name: 'Conformance Probe',
    email: 'conformance.probe@example.com',
    displayName: 'Probe',
    description: 'conformance',
    tagId: 'conformance',
    value: 'v1',
    contactType: 'external',
    endpointId: '2002',
    to: '5550191',
    conferenceName: 'conformance conference',
    label: 'conformance',
    messageBody: 'hello from the conformance test',
    applicationId: 'conformance',
    deviceId: 'conformance-socket',
    transport: 'websocket',
    topic: 'platform-api-media',
    subjectFilter: '',
    publicationFilter: '$',
  });
  for (const { key } of credentials.users) {
    const answer = await call('POST', `${scope.auth_url}/token`, 'none', { form: loginForm(user(key)) });
    tokens[key] = (answer.body as Json).access_token;
    if (key === 'primary') scope.refresh_token = (answer.body as Json).refresh_token;
  }
});

afterAll(async () => {
  // Only the partner's application outlives its steps; the sandbox goes with the test anyway.
  if (scope.newApplicationId) await call('DELETE', `${scope.auth_url}/applications/${scope.newApplicationId}`, 'partner', {});
  await sandbox?.close();
});

it('covers every named request of every collection: both halves in STEPS, or a reason in EXEMPT', () => {
  const uncovered: string[] = [];
  for (const [api, collection] of Object.entries(COLLECTIONS) as [Api, Collection][]) {
    for (const name of Object.keys(collection.requests)) {
      const statuses = STEPS.filter(([a, n]) => a === api && n === name).map(([, , status]) => status);
      if (!statuses.some((s) => s < 300) && !EXEMPT[`${api}/${name}`]) uncovered.push(`${api}/${name} (no success)`);
      if (!statuses.some((s) => s >= 400)) uncovered.push(`${api}/${name} (no error)`);
    }
  }
  expect(uncovered).toEqual([]);
});

describe.each(Object.keys(COLLECTIONS) as Api[])('%s', (api) => {
  const steps = STEPS.filter(([a]) => a === api);
  it.each(steps.map((step, index) => [`${step[1]} → ${step[2]}`, index, step] as const))('%s (#%i)', async (_title, _index, step) => {
    const [, name, expected, options = {}] = step;
    const named: NamedRequest | undefined = (COLLECTIONS[api].requests as Record<string, NamedRequest>)[name];
    if (!named) throw new Error(`${api} has no request named "${name}"`);
    const answer = await send(named, options);
    const detail = `${named.method} ${answer.url} → ${answer.status} ${JSON.stringify(answer.body)}`;
    expect({ status: answer.status, detail }).toEqual({ status: expected, detail });
    const schemaId = named.responses[answer.status];
    if (schemaId === undefined) throw new Error(`status ${answer.status} is not declared by ${api}/${name}: ${detail}`);
    const verdict = validateAgainst(schemaId, answer.body);
    expect({ schemaId, problems: verdict.problems }).toEqual({ schemaId, problems: [] });
    if (answer.status < 300 && options.capture) Object.assign(scope, options.capture(answer.body as Json));
  });
});

async function send(named: NamedRequest, options: Options): Promise<{ url: string; status: number; body: unknown }> {
  const local = Object.fromEntries(Object.entries(options.vars ?? {}).map(([k, v]) => [k, fill(v, named.name)]));
  if (scope.fullCallId) scope.encodedCallId = encodeURIComponent(scope.fullCallId);
  const scopes = [local, scope];
  const context = { request: named.name };
  const url = new URL(resolveTemplate(named.url, scopes, context));
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, fill(value, named.name));
  const body = named.body;
  const json = options.json ?? (body?.mode === 'json' ? resolveJson(body.json, scopes, context) : undefined);
  const form = body?.mode === 'urlencoded' ? { ...resolveForm(body.form, scopes, context), ...options.form } : undefined;
  const answer = await call(named.method, url.toString(), options.as ?? named.auth ?? 'primary', { json, form, headers: options.headers });
  return { url: url.pathname + url.search, ...answer };
}

function fill(template: string, request: string): string {
  return resolveTemplate(template, [scope], { request });
}

async function call(
  method: string,
  url: string,
  as: As,
  parts: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> },
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (as !== 'none' && tokens[as]) headers.authorization = `Bearer ${tokens[as]}`;
  let payload: string | undefined;
  if (parts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(parts.form).toString();
  } else if (parts.json !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(parts.json);
  }
  const response = await fetch(url, { method, headers: { ...headers, ...parts.headers }, body: payload });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function user(key: SandboxUser['key']): SandboxUser {
  const found = sandbox.credentials.users.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no seeded user '${key}'`);
  return found;
}

function loginForm(who: SandboxUser): Record<string, string> {
  return { grant_type: 'password', username: who.username, password: who.password, account_id: who.accountId };
}
