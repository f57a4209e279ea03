// The websocket transport. The legacy SDK spoke MQTT over WebSocket (RN-APP [3P]) and the
// 2017-09-01 URL and handshake are undocumented. CHOICE: a plain WebSocket at
// `{notifications_url}/subscriptions/{subscriptionId}/socket`, authenticated like every route —
// `Authorization: [Bearer] <token>` — or, for browsers, which cannot set headers on a WebSocket,
// `?access_token=<token>`; each matching notification is one JSON text frame, the same envelope
// a webhook receives. Several sockets may watch one subscription; nothing is buffered for a
// subscription with no socket open.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { newCorrelationId, CORRELATION_HEADER } from '../../platform/correlation-id';
import { isSandboxError } from '../../platform/errors';
import { gatewayMiss } from '../../platform/gateway';
import { writeRawAnswer as refuse } from '../../platform/http-server';

/** Decides whether an upgrade may open a socket on a subscription; throws a SandboxError if not. */
export type SocketGate = (subscriptionId: string, authorization: string | undefined) => void;

export class SocketHub {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private detach: () => void = () => {};

  constructor(
    private readonly prefix: string,
    private readonly gate: SocketGate,
  ) {
    // The 101 answer carries a correlation id like every other CloudLink answer (P-USING).
    this.server.on('headers', (headers) => headers.push(`${CORRELATION_HEADER}: ${newCorrelationId()}`));
  }

  /** Listens for upgrades on the sandbox's HTTP server; other routes never see an upgrade. */
  attach(httpServer: Server): void {
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(httpServer, request, socket, head);
    httpServer.on('upgrade', onUpgrade);
    this.detach = () => void httpServer.off('upgrade', onUpgrade);
  }

  private upgrade(httpServer: Server, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    } catch {
      return refuse(socket, 400, { name: 'InvalidRequest', message: 'The URL is not valid.' });
    }
    const prefix = this.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`^${prefix}/subscriptions/([^/]+)/socket$`).exec(url.pathname);
    if (!match) {
      // Another listener may own this path; if none does, the gateway answers as for any miss.
      if (httpServer.listenerCount('upgrade') > 1) return;
      const miss = gatewayMiss(request.headers.authorization);
      return refuse(socket, 403, { message: miss.message }, [`x-amzn-errortype: ${miss.errorType}`]);
    }
    // The header wins over the query parameter when both are sent.
    const authorization = request.headers.authorization ?? url.searchParams.get('access_token') ?? undefined;
    let subscriptionId: string;
    try {
      subscriptionId = decodeURIComponent(match[1] as string);
      this.gate(subscriptionId, authorization);
    } catch (error) {
      if (error instanceof URIError) return refuse(socket, 400, { name: 'InvalidRequest', message: 'The URL is not valid.' });
      if (!isSandboxError(error)) return refuse(socket, 500, { name: 'InternalServerError', message: 'Upgrade failed.' });
      return refuse(socket, error.statusCode, error.toBody());
    }
    this.server.handleUpgrade(request, socket, head, (ws) => this.keep(subscriptionId, ws));
  }

  private keep(subscriptionId: string, ws: WebSocket): void {
    const watchers = this.sockets.get(subscriptionId) ?? new Set<WebSocket>();
    this.sockets.set(subscriptionId, watchers);
    watchers.add(ws);
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      watchers.delete(ws);
      if (watchers.size === 0 && this.sockets.get(subscriptionId) === watchers) this.sockets.delete(subscriptionId);
    });
  }

  send(subscriptionId: string, payload: unknown): void {
    const watchers = this.sockets.get(subscriptionId);
    if (!watchers) return;
    const text = JSON.stringify(payload);
    for (const ws of watchers) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  /** The subscription was deleted: its sockets close normally (1000) with that reason. */
  drop(subscriptionId: string): void {
    for (const ws of this.sockets.get(subscriptionId) ?? []) ws.close(1000, 'subscription deleted');
    this.sockets.delete(subscriptionId);
  }

  /** The sandbox is closing: every socket is cut at once so fastify's close does not wait on it. */
  close(): void {
    this.detach();
    for (const watchers of this.sockets.values()) for (const ws of watchers) ws.terminate();
    this.sockets.clear();
    this.server.close();
  }
}
