// Webhook delivery: S-NOTIF's ringing subscription, the delivered envelope, retries after a
// failing receiver, deletion stopping delivery, and accounts kept apart.
import type { Publication } from '../../platform/events';
import { MAIN_ACCOUNT_ID, OTHER_ACCOUNT_ID } from '../../seed';
import { bearer, login, testSandbox, type TestSandbox } from '../../test-support';
import { pause, startReceiver, type Receiver } from './test-receiver';
import { WebhookSender, type WebhookAttempt } from './webhook';

const NOTIFY = '/notifications/2017-09-01';

let sandbox: TestSandbox;
let token: string;
let receiver: Receiver | undefined;
beforeEach(async () => {
  sandbox = await testSandbox({ webhook: { retryDelaysMs: [20, 40], timeoutMs: 1000 } });
  token = (await login(sandbox, 'primary')).access_token;
});
afterEach(async () => {
  await sandbox.close();
  await receiver?.close();
  receiver = undefined;
});

async function subscribe(url: string, extra: Record<string, unknown> = {}, target = sandbox, as = token): Promise<string> {
  const response = await target.send({
    method: 'POST',
    url: `${NOTIFY}/subscriptions`,
    headers: { ...bearer(as), 'content-type': 'application/json' },
    payload: JSON.stringify({
      applicationId: 'harness-tests',
      deviceId: url,
      transport: 'webhook',
      topic: 'platform-api-media',
      subjectFilter: '/2017-09-01/endpoints/',
      publicationFilter: "$.publications[?(@.content.state == 'ringing')]",
      ...extra,
    }),
  });
  if (response.statusCode !== 201) throw new Error(`subscribe answered ${response.statusCode}: ${response.body}`);
  return response.json<{ subscriptionId: string }>().subscriptionId;
}

/** A call leg on an endpoint, as the media service publishes it (S-NOTIF README payload). */
function callLeg(state: string, endpointId = '200', accountId = MAIN_ACCOUNT_ID): Publication {
  return {
    topic: 'platform-api-media',
    method: 'PUT',
    subject: `/2017-09-01/endpoints/${endpointId}/calls/33656066`,
    content: { from: '201', to: endpointId, state, callId: `endpoints/${endpointId}/calls/33656066`, endpointId, accountId },
    publisher: { accountId, principalId: sandbox.user('primary').userId },
    correlationId: '11111111-2222-4333-8444-555555555555',
  };
}

describe('webhook delivery', () => {
  it('POSTs a ringing leg on endpoint 200 in the S-NOTIF envelope, and nothing for connected', async () => {
    receiver = await startReceiver();
    const subscriptionId = await subscribe(receiver.url);
    sandbox.state.events.publish(callLeg('connected'));
    sandbox.state.events.publish(callLeg('ringing'));

    const [delivered] = await receiver.waitFor(1);
    await pause(50);
    expect(receiver.received).toHaveLength(1);
    expect(delivered?.headers['content-type']).toBe('application/json');
    expect(delivered?.body).toEqual({
      publicationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      topic: 'platform-api-media',
      method: 'PUT',
      subject: '/2017-09-01/endpoints/200/calls/33656066',
      content: expect.objectContaining({ state: 'ringing', endpointId: '200' }),
      publisher: { accountId: MAIN_ACCOUNT_ID, principalId: sandbox.user('primary').userId },
      subscription: { subscriptionId },
      notification: { createdOn: '2025-01-15T12:00:00.000Z', correlationId: '11111111-2222-4333-8444-555555555555' },
    });
  });

  it('matches subjectFilter as a prefix, the topic exactly and the method when given', async () => {
    receiver = await startReceiver();
    await subscribe(receiver.url, { subjectFilter: '/2017-09-01/endpoints/200/', method: 'PUT', publicationFilter: undefined });
    sandbox.state.events.publish(callLeg('ringing', '201'));
    sandbox.state.events.publish({ ...callLeg('ringing'), method: 'POST' });
    sandbox.state.events.publish({ ...callLeg('ringing'), topic: 'platform-api-media-x' });
    sandbox.state.events.publish(callLeg('held'));
    await receiver.waitFor(1);
    await pause(50);
    expect(receiver.received.map((r) => (r.body.content as { state: string }).state)).toEqual(['held']);
  });

  it('retries after failing answers and stops at the first 2xx', async () => {
    receiver = await startReceiver([500, 503], 204);
    await subscribe(receiver.url);
    sandbox.state.events.publish(callLeg('ringing'));
    const attempts = await receiver.waitFor(3);
    await pause(100);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(attempts.map((r) => r.body.publicationId)).size).toBe(1);
  });

  it('gives up after three attempts', async () => {
    receiver = await startReceiver([], 500);
    await subscribe(receiver.url);
    sandbox.state.events.publish(callLeg('ringing'));
    await receiver.waitFor(3);
    await pause(150);
    expect(receiver.received).toHaveLength(3);
  });

  it('stops delivering, retries included, once the subscription is deleted', async () => {
    receiver = await startReceiver([500], 500);
    const subscriptionId = await subscribe(receiver.url);
    sandbox.state.events.publish(callLeg('ringing'));
    await receiver.waitFor(1);
    await sandbox.send({ method: 'DELETE', url: `${NOTIFY}/subscriptions/${subscriptionId}`, headers: bearer(token) });
    sandbox.state.events.publish(callLeg('ringing'));
    await pause(150);
    expect(receiver.received).toHaveLength(1);
  });

  it('keeps accounts apart: another account’s leg on the same endpoint is not delivered', async () => {
    receiver = await startReceiver();
    await subscribe(receiver.url);
    sandbox.state.events.publish(callLeg('ringing', '200', OTHER_ACCOUNT_ID));
    sandbox.state.events.publish({ ...callLeg('ringing'), principalFilter: [sandbox.user('second').userId] });
    sandbox.state.events.publish({ ...callLeg('ringing'), content: { state: 'ringing', marker: 'mine' } });
    await receiver.waitFor(1);
    await pause(50);
    expect(receiver.received.map((r) => r.body.content)).toEqual([{ state: 'ringing', marker: 'mine' }]);
  });

  it('closes promptly with a retry pending', async () => {
    receiver = await startReceiver([], 500);
    const slow = await testSandbox({ webhook: { retryDelaysMs: [60_000] } });
    await subscribe(receiver.url, {}, slow, (await login(slow, 'primary')).access_token);
    slow.state.events.publish(callLeg('ringing'));
    await receiver.waitFor(1);
    const started = Date.now();
    await slow.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('WebhookSender', () => {
  it('counts a refused connection as a failure and retries it', async () => {
    const down = await startReceiver();
    await down.close();
    const attempts: WebhookAttempt[] = [];
    const sender = new WebhookSender({ retryDelaysMs: [10, 10] }, (attempt) => void attempts.push(attempt));
    sender.send('s1', down.url, { hello: 'world' }, 'c1');
    for (let waited = 0; attempts.length < 3 && waited < 2000; waited += 20) await pause(20);
    sender.close();
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, undefined, false],
      [2, undefined, false],
      [3, undefined, false],
    ]);
  });
});
