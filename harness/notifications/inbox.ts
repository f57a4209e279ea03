// Where the publications a test waits for arrive: a webhook receiver or a websocket, both feeding
// one inbox. A test takes the first publication that satisfies it; everything that arrived before
// it comes along, so a test can also prove what it must NOT have received (the out-of-range
// endpoint of Mitel's incoming-call sample) without sleeping.
//
// Record keeps exactly what the test took, in order, as inbound exchanges of the fixture; replay
// hands the same messages back in the same order, with no network. Messages that arrive after the
// test stopped looking are neither recorded nor asserted on, so timing cannot make replay differ.
import type { RecordedRequest } from '../client/exchange';
import { keepExchange } from '../client/keep-exchange';
import { session, type TestState } from '../session';

/** One notification as CloudLink delivers it (the S-NOTIF README's delivered webhook). */
export type Publication = Record<string, unknown>;

export interface Taken<P extends object> {
  /** The first publication that satisfied the predicate. */
  match: P;
  /** What arrived before it, oldest first, since the last take. */
  before: P[];
}

export interface TakeOptions {
  /** How long a live run waits; default 10 s. Replay never waits. */
  timeoutMs?: number;
  /** Named in the timeout message, e.g. "a ringing call on 2001". */
  what?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export class PublicationInbox {
  private readonly queue: Array<{ request: RecordedRequest }> = [];
  private wake?: () => void;
  private closed = false;

  /**
   * @param channel  the exchange name in fixtures and reports ("Webhook Publication").
   * @param describe where the messages come from, for messages and the recorded request URL.
   */
  constructor(
    readonly channel: string,
    private readonly describe: string,
  ) {}

  /** Called by the transport with each message as it arrived (live and record only). */
  deliver(request: RecordedRequest): void {
    if (this.closed) return;
    this.queue.push({ request });
    this.wake?.();
  }

  /** Waits for the first publication `predicate` accepts, and returns it with everything that came before it. */
  async take<P extends object = Publication>(predicate: (publication: P) => boolean, options: TakeOptions = {}): Promise<Taken<P>> {
    const test = currentTest(this.channel);
    const before: P[] = [];
    for (;;) {
      const message = session.env.mode === 'replay' ? this.replayed(test) : await this.arrival(options, before);
      const publication = message.request.body as P;
      if (predicate(publication)) return { match: publication, before };
      before.push(publication);
    }
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  private replayed(test: TestState): { request: RecordedRequest } {
    const recorded = session.file?.player?.nextInbound(this.channel);
    if (!recorded) throw new Error(`Replay has no fixture player for "${this.channel}".`);
    const body = test.scrubber.restore(recorded.request.body);
    return { request: { ...recorded.request, body } };
  }

  private async arrival(options: TakeOptions, before: readonly object[]): Promise<{ request: RecordedRequest }> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.closed) throw new Error(`${this.describe} was closed while the test waited for ${options.what ?? 'a publication'}.`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `No ${options.what ?? 'matching publication'} reached ${this.describe} within ${timeoutMs} ms; ` +
            `${before.length} other publication(s) arrived: ${before.map(summary).join('; ') || 'none'}.`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const message = this.queue.shift() as { request: RecordedRequest };
    await this.keep(message.request);
    return message;
  }

  /** Records and reports one message the test took, scrubbed like every exchange. */
  private async keep(request: RecordedRequest): Promise<void> {
    const test = currentTest(this.channel);
    await keepExchange(test, session.file, { name: this.channel, request, response: { status: 200, headers: {} }, inbound: true }, 0);
  }
}

/** A delivered body: JSON as parsed; anything else as text, so the test's schema check says what arrived. */
export function parsePublication(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function summary(message: object): string {
  const publication = message as Publication;
  return `${String(publication.method ?? '?')} ${String(publication.subject ?? '?')}`;
}

function currentTest(channel: string): TestState {
  if (!session.test) throw new Error(`"${channel}" can be used only inside a test: its messages are recorded per test.`);
  return session.test;
}
