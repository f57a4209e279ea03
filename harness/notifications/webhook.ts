// A webhook receiver a test starts for itself: HTTP on 127.0.0.1, an ephemeral port, every POST
// taken as one publication (CloudLink POSTs the envelope to the subscription's deviceId URL,
// S-NOTIF). It is closed after the test by the test's cleanups.
//
// Its URL differs every run, so the scrubber learns it as `webhook_url`: the subscription request
// that carries it is recorded with a placeholder, and replay — which starts no server — uses a
// stand-in that scrubs to the same placeholder.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { session } from '../session';
import { parsePublication, PublicationInbox } from './inbox';

export interface WebhookInbox {
  /** The URL to give CloudLink as the subscription's `deviceId`. */
  url: string;
  inbox: PublicationInbox;
  /** Answer the next `count` deliveries with `status` instead of 200 (a receiver that fails). */
  failNext(count: number, status?: number): void;
}

const CHANNEL = 'Webhook Publication';
const REPLAY_STAND_IN = 'http://127.0.0.1/replay-webhook-receiver';

export async function openWebhookInbox(): Promise<WebhookInbox> {
  const test = session.test;
  if (!test) throw new Error('openWebhookInbox() can be used only inside a test.');
  const inbox = new PublicationInbox(CHANNEL, 'the test’s webhook receiver');
  let failures = { left: 0, status: 500 };

  if (session.env.mode === 'replay') {
    test.scrubber.remember({ name: 'webhook_url', value: REPLAY_STAND_IN });
    test.cleanups.push({ label: 'close the webhook inbox', run: async () => inbox.close() });
    return { url: REPLAY_STAND_IN, inbox, failNext: () => undefined };
  }

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      if (failures.left > 0) {
        failures.left -= 1;
        response.writeHead(failures.status).end();
        return;
      }
      response.writeHead(200).end();
      inbox.deliver({
        method: 'POST',
        url: '{{webhook_url}}',
        headers: { 'content-type': String(request.headers['content-type'] ?? '') },
        bodyType: 'json',
        body: parsePublication(text),
      });
    });
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/webhook`;
  test.scrubber.remember({ name: 'webhook_url', value: url });
  test.cleanups.push({ label: 'close the webhook receiver', run: () => close(server, inbox) });
  return {
    url,
    inbox,
    failNext(count, status = 500) {
      failures = { left: count, status };
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function close(server: Server, inbox: PublicationInbox): Promise<void> {
  inbox.close();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
