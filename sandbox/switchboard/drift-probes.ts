// For the drift tests: one request per catalogue drift, made the way a client makes it, returning
// what the client sees. Each probe sets up what it needs (a conversation to read, a subscription
// to list) so it runs alone against a fresh sandbox.
import { startReceiver, type Receiver } from '../services/notifications/test-receiver';
import { SEEDED_RECORDING_ID } from '../services/media/seed';
import { MAIN_ACCOUNT_ID, OIDC_CLIENT_ID } from '../seed';
import { login, postForm, type TestResponse } from '../test-support';
import type { BoardTest } from './test-support';

export interface Observed {
  status: number;
  contentType: string;
  body: unknown;
}

export type Probe = (t: BoardTest) => Promise<Observed>;

const AUTH = '/authentication/2017-09-01';
export const ADMIN = '/admin/2017-09-01';
const MEDIA = '/media/2017-09-01';
const CHAT = '/chat/2017-09-01';
const NOTIFY = '/notifications/2017-09-01';

function observed(response: TestResponse): Observed {
  const contentType = response.headers['content-type'] ?? '';
  return { status: response.statusCode, contentType, body: response.body === '' ? undefined : response.json() };
}

/** The answer of a request that sets a probe up; anything but 2xx fails the probe. */
async function arranged(response: Promise<TestResponse>, what: string): Promise<Record<string, unknown>> {
  const answer = await response;
  if (answer.statusCode < 200 || answer.statusCode >= 300) throw new Error(`${what} answered ${answer.statusCode}: ${answer.body}`);
  return answer.json();
}

const get = (path: string) => async (t: BoardTest) => observed(await t.call('GET', path));

const postToken: Probe = async (t) => {
  const primary = t.sandbox.user('primary');
  return observed(await postForm(t.sandbox, '/token', { grant_type: 'password', username: primary.username, password: primary.password }));
};

const authorize: Probe = async (t) => {
  const primary = t.sandbox.user('primary');
  return observed(
    await postForm(t.sandbox, '/authorize', {
      client_id: OIDC_CLIENT_ID,
      response_type: 'code',
      username: primary.username,
      password: primary.password,
    }),
  );
};

const makeCall: Probe = async (t) => observed(await t.call('POST', `${MEDIA}/endpoints/2001/calls`, { to: '2002' }));
const createConference: Probe = async (t) => observed(await t.call('POST', `${MEDIA}/conferences`, { name: 'Drift check' }));

const conversation = async (t: BoardTest) =>
  (
    await arranged(
      t.call('POST', `${CHAT}/conversations`, {
        originalParticipants: [{ type: 'USER', participantId: t.sandbox.user('second').userId }],
      }),
      'POST /conversations',
    )
  ).conversationId as string;

const createConversation: Probe = async (t) =>
  observed(
    await t.call('POST', `${CHAT}/conversations`, {
      originalParticipants: [{ type: 'USER', participantId: t.sandbox.user('second').userId }],
    }),
  );

const postMessage: Probe = async (t) =>
  observed(await t.call('POST', `${CHAT}/conversations/${await conversation(t)}/messages`, { body: 'Hello', contentType: 'text/plain' }));

const listMessages: Probe = async (t) => {
  const id = await conversation(t);
  await arranged(t.call('POST', `${CHAT}/conversations/${id}/messages`, { body: 'Hello', contentType: 'text/plain' }), 'POST message');
  return observed(await t.call('GET', `${CHAT}/conversations/${id}/messages`));
};

const listConversations: Probe = async (t) => {
  await conversation(t);
  return observed(await t.call('GET', `${CHAT}/conversations`));
};

const listParticipants: Probe = async (t) => observed(await t.call('GET', `${CHAT}/conversations/${await conversation(t)}/participants`));

const SOCKET_SUBSCRIPTION = { transport: 'websocket', deviceId: 'drift-probe', topic: 'platform-api-media' };
const createSubscription: Probe = async (t) => observed(await t.call('POST', `${NOTIFY}/subscriptions`, SOCKET_SUBSCRIPTION));
const listSubscriptions: Probe = async (t) => {
  await arranged(t.call('POST', `${NOTIFY}/subscriptions`, SOCKET_SUBSCRIPTION), 'POST /subscriptions');
  return observed(await t.call('GET', `${NOTIFY}/subscriptions`));
};

/** A webhook subscription, one publication on the bus, and the envelope the receiver got. */
const webhookDelivery: Probe = async (t) => {
  const receiver: Receiver = await startReceiver();
  try {
    await arranged(
      t.call('POST', `${NOTIFY}/subscriptions`, {
        applicationId: 'drift-probe',
        deviceId: receiver.url,
        transport: 'webhook',
        topic: 'platform-api-media',
      }),
      'POST /subscriptions',
    );
    t.sandbox.state.events.publish({
      topic: 'platform-api-media',
      method: 'PUT',
      subject: '/2017-09-01/endpoints/2001/calls/7',
      content: { state: 'ringing', endpointId: '2001' },
      publisher: { accountId: MAIN_ACCOUNT_ID, principalId: t.sandbox.user('primary').userId },
    });
    const [delivery] = await receiver.waitFor(1);
    return { status: 200, contentType: String(delivery?.headers['content-type']), body: delivery?.body };
  } finally {
    await receiver.close();
  }
};

const whoAmI: Probe = async (t) => observed(await t.call('GET', `${AUTH}/token`, undefined, (await login(t.sandbox, 'second')).access_token));

const account = `${ADMIN}/accounts/${MAIN_ACCOUNT_ID}`;
const adminUser = (t: BoardTest) => `${account}/users/${t.sandbox.user('primary').userId}`;

/** Creates something with POST (anything but 2xx fails the probe), then observes its DELETE. */
const createThenDelete =
  (collection: string, body: unknown, idField: string): Probe =>
  async (t) => {
    const created = await arranged(t.call('POST', collection, body), `POST ${collection}`);
    return observed(await t.call('DELETE', `${collection}/${String(created[idField])}`));
  };

const createGroup: Probe = async (t) => observed(await t.call('POST', `${account}/groups`, { name: 'Drift probe group' }));

/** Every drift id of the catalogue, and the request that shows it. */
export const PROBES: Readonly<Record<string, Probe>> = {
  'authentication.token.status-200': postToken,
  'authentication.token.access-token-renamed': postToken,
  'authentication.token.expires-in-string': postToken,
  'authentication.token.refresh-token-missing': postToken,
  'authentication.token.type-enum': postToken,
  'authentication.claims.account-id-missing': whoAmI,
  'authentication.apps.items-renamed': get(`${AUTH}/apps`),
  'authentication.application.active-string': get(`${AUTH}/applications/${OIDC_CLIENT_ID}`),
  'authentication.authorize.code-renamed': authorize,
  'authentication.token.expires-in-fraction': postToken,
  'authentication.application.description-renamed': get(`${AUTH}/applications/${OIDC_CLIENT_ID}`),

  'admin.user.email-missing': (t) => get(adminUser(t))(t),
  'admin.user.id-renamed': (t) => get(adminUser(t))(t),
  'admin.user.role-enum': (t) => get(adminUser(t))(t),
  'admin.users.count-missing': get(`${account}/users`),
  'admin.users.links-missing': get(`${account}/users`),
  'admin.account.name-renamed': get(account),
  'admin.user.display-name-renamed': (t) => get(adminUser(t))(t),
  'admin.users.items-email-missing': get(`${account}/users`),
  'admin.user.delete-status-204': createThenDelete(`${account}/users`, { name: 'Drift Probe', email: 'drift-probe@example.com' }, 'userId'),
  'admin.group.member-count-fraction': createGroup,
  'admin.account.language-code-missing': get(account),

  'media.call.state-enum': get(`${MEDIA}/endpoints/2001/calls/1`),
  'media.call.call-id-missing': get(`${MEDIA}/endpoints/2001/calls/1`),
  'media.call.from-number': get(`${MEDIA}/endpoints/2001/calls/1`),
  'media.make-call.status-201': makeCall,
  'media.endpoint.dnd-string': get(`${MEDIA}/endpoints/2001`),
  'media.endpoint.state-renamed': get(`${MEDIA}/endpoints/2001`),
  'media.endpoint.content-type-text': get(`${MEDIA}/endpoints/2001`),
  'media.calls.items-renamed': get(`${MEDIA}/calls`),
  'media.recording.duration-string': get(`${MEDIA}/recordings/${SEEDED_RECORDING_ID}`),
  'media.conference.access-code-number': createConference,
  'media.recording.duration-fraction': get(`${MEDIA}/recordings/${SEEDED_RECORDING_ID}`),
  'media.call.from-name-renamed': get(`${MEDIA}/endpoints/2001/calls/1`),
  'media.calls.items-state-missing': get(`${MEDIA}/calls/records`),
  'media.endpoint.name-missing': get(`${MEDIA}/endpoints/2001`),

  'chat.conversation.id-renamed': createConversation,
  'chat.conversation.create-status-200': createConversation,
  'chat.conversations.count-missing': listConversations,
  'chat.message.body-missing': postMessage,
  'chat.message.created-on-epoch': postMessage,
  'chat.participant.status-enum': listParticipants,
  'chat.messages.content-type-hal': listMessages,
  'chat.conversation.delete-status-204': createThenDelete(`${CHAT}/conversations`, { originalParticipants: [] }, 'conversationId'),
  'chat.participants.items-status-missing': listParticipants,
  'chat.message.account-id-renamed': postMessage,

  'notifications.subscription.id-renamed': createSubscription,
  'notifications.subscription.create-status-200': createSubscription,
  'notifications.subscription.transport-enum': createSubscription,
  'notifications.subscriptions.items-flattened': listSubscriptions,
  'notifications.subscription.subject-filter-renamed': createSubscription,
  'notifications.subscription.delete-status-204': createThenDelete(`${NOTIFY}/subscriptions`, SOCKET_SUBSCRIPTION, 'subscriptionId'),
  'notifications.publication.content-renamed': webhookDelivery,
  'notifications.publication.method-enum': webhookDelivery,
};
