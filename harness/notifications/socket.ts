// The websocket transport of a subscription: the test opens the socket the subscription links to
// and takes publications from it like from a webhook. The sandbox's socket URL and handshake are a
// documented choice (sandbox/README.md: the 2017-09-01 websocket protocol is not public); the
// token goes in the Authorization header, as on every CloudLink request.
import { accessTokenFor } from '../pipeline';
import type WebSocket from 'ws';
import type { UserKey } from '../auth/users';
import { linkToTemplate } from '../client/links';
import { resolveTemplate } from '../env';
import { toUrlTemplate } from '../fixtures/url-template';
import { session } from '../session';
import { parsePublication, PublicationInbox } from './inbox';

const CHANNEL = 'Websocket Publication';

/** Opens the websocket of a subscription, given its `_links.socket` (a path under notifications_url). */
export async function openSocketInbox(socketLink: string, options: { as?: UserKey } = {}): Promise<PublicationInbox> {
  const test = session.test;
  if (!test) throw new Error('openSocketInbox() can be used only inside a test.');
  const template = linkToTemplate('notifications_url', socketLink, 'Websocket');
  const inbox = new PublicationInbox(CHANNEL, `the websocket ${template}`);
  test.cleanups.push({ label: 'close the websocket inbox', run: async () => inbox.close() });
  if (session.env.mode === 'replay') return inbox;

  const httpUrl = resolveTemplate(template, [session.env.values], { request: 'Websocket' });
  const token = await accessTokenFor(options.as ?? 'primary', session.sendContext());
  // Required here, not on import: every suite file loads the harness, few open a websocket.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WebSocketClass = require('ws') as typeof WebSocket;
  const socket = new WebSocketClass(httpUrl.replace(/^http/i, 'ws'), { headers: { authorization: `Bearer ${token}` } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`The websocket ${template} was refused with HTTP ${response.statusCode}.`)));
    socket.once('error', reject);
  });
  const recordedUrl = toUrlTemplate(httpUrl, session.baseUrls());
  socket.on('message', (data) => {
    inbox.deliver({ method: 'MESSAGE', url: recordedUrl, headers: {}, bodyType: 'json', body: parsePublication(String(data)) });
  });
  test.cleanups.push({
    label: 'close the websocket',
    run: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocketClass.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  });
  return inbox;
}
