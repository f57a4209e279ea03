// One Scrubber per test. It replaces every secret and identifier in what leaves the process
// (fixtures, reports, logs) by a placeholder of the same shape, numbered per kind in order of first
// appearance, and keyed by VALUE: the same token gets the same placeholder whether it travels as an
// Authorization header, a body field, a query parameter, inside an error message, URL-encoded,
// JSON-escaped or base64-encoded.
//
// Replay depends on this being deterministic: a test that sends the same requests and receives the
// same (recorded) answers as when it was recorded hands out the same placeholders in the same order,
// so its scrubbed requests equal the recorded ones exactly. restoreResponse() puts this run's values
// back where the recording has their placeholders, and adopts the placeholders it has never seen
// (ids the server minted at record time) so that numbering stays in step with the recording.
//
// The work is split by job: placeholder-book.ts remembers, scrubbing.ts replaces, restoring.ts
// puts back, both walking values with json-walk.ts; this class is the one face the rest of the
// harness sees.
import type { Exchange, RecordedRequest, RecordedResponse } from '../client/exchange';
import { PlaceholderBook, type KnownSecret, type SensitiveValue } from './placeholder-book';
import { mapHeaderValues } from './json-walk';
import { baseUrlsOf } from './patterns';
import { ValueRestorer } from './restoring';
import { scrubUrl, ValueScrubber } from './scrubbing';

export { MIN_EMBEDDED_LENGTH, type KnownSecret, type SensitiveValue } from './placeholder-book';
export { escapeRegExp } from './patterns';

export interface ScrubberOptions {
  /**
   * Base URLs by variable (auth_url → https://authentication.us.api.mitel.io/2017-09-01). Inside
   * bodies and headers they are written as {{auth_url}}, and restoreResponse() writes this run's
   * base URL back, so a recorded HAL link can be followed in replay.
   */
  baseUrls?: Record<string, string>;
}

/**
 * Books that remember only known values, by the values: every test of a file starts from the same
 * environment's, and remembering them (every encoded form of each) was most of a test's set-up.
 */
const rememberedBooks = new Map<string, PlaceholderBook>();
const REMEMBERED_LIMIT = 32;

function bookKnowing(known: ReadonlyArray<KnownSecret>): PlaceholderBook {
  const key = JSON.stringify(known.map(({ name, value }) => [name, value]));
  let remembered = rememberedBooks.get(key);
  if (!remembered) {
    remembered = new PlaceholderBook();
    for (const secret of known) remembered.remember(secret);
    if (rememberedBooks.size >= REMEMBERED_LIMIT) rememberedBooks.clear();
    rememberedBooks.set(key, remembered);
  }
  return remembered.copy();
}

export class Scrubber {
  private readonly book: PlaceholderBook;
  private readonly scrubbing: ValueScrubber;
  private readonly restoring: ValueRestorer;

  constructor(known: ReadonlyArray<KnownSecret> = [], options: ScrubberOptions = {}) {
    this.book = bookKnowing(known);
    const baseUrls = baseUrlsOf(options.baseUrls ?? {});
    this.scrubbing = new ValueScrubber(this.book, baseUrls);
    this.restoring = new ValueRestorer(this.book, baseUrls);
  }

  /**
   * Adds a known value after construction: one a test makes up as it runs (the URL of its webhook
   * receiver, which differs every run), so that it gets a placeholder named after it.
   */
  remember(secret: KnownSecret): void {
    this.book.remember(secret);
  }

  scrubRequest(req: RecordedRequest): RecordedRequest {
    const out: RecordedRequest = {
      method: req.method,
      url: scrubUrl(req.url, (value, name) => this.scrubbing.string(value, name)),
      headers: mapHeaderValues(req.headers, this.scrubbing),
    };
    if (req.bodyType !== undefined) out.bodyType = req.bodyType;
    if (req.body !== undefined) out.body = this.scrubbing.value(req.body, undefined);
    return out;
  }

  scrubResponse(res: RecordedResponse): RecordedResponse {
    const out: RecordedResponse = { status: res.status, headers: mapHeaderValues(res.headers, this.scrubbing) };
    if (res.body !== undefined) out.body = this.scrubbing.value(res.body, undefined);
    return out;
  }

  /** The request first, then the response: the order fixes the numbering. */
  scrubExchange(exchange: Exchange): Exchange {
    const request = this.scrubRequest(exchange.request);
    return { name: exchange.name, request, response: this.scrubResponse(exchange.response) };
  }

  /** For logs and messages: values already seen get their placeholder, new secrets are masked without a number, nothing is registered. */
  scrubText(text: string): string {
    this.book.dryRun = true;
    try {
      return this.scrubbing.string(text, undefined);
    } finally {
      this.book.dryRun = false;
    }
  }

  /** Any JSON-like value, with the field name it sits under (lower-cased internally). */
  scrub(value: unknown, name?: string): unknown {
    return this.scrubbing.value(value, name?.toLowerCase());
  }

  /** A replayed (recorded, scrubbed) answer with this run's values put back in place of their placeholders. */
  restoreResponse(res: RecordedResponse): RecordedResponse {
    const out: RecordedResponse = { status: res.status, headers: mapHeaderValues(res.headers, this.restoring) };
    if (res.body !== undefined) out.body = this.restoring.value(res.body, undefined);
    return out;
  }

  /** Restores one value (a string found in a recorded body, say). */
  restore(value: unknown, name?: string): unknown {
    return this.restoring.value(value, name?.toLowerCase());
  }

  /** Every value this scrubber replaced, and the known secrets: what must never reach a fixture. */
  sensitiveValues(): SensitiveValue[] {
    return this.book.sensitiveValues();
  }

  /** The secrets among them: credentials and JWTs met, and the known values that are not identifiers. */
  secretValues(): string[] {
    return this.book.secretValues();
  }

  /** The placeholder this scrubber gave `value`, if it met it (reports reuse it, so a message and an attachment agree). */
  placeholderOf(value: string): string | undefined {
    const placeholder = this.book.forward.get(value);
    return placeholder === value ? undefined : placeholder;
  }

  /** Placeholder → the variable whose value it stands for (redacted-accountid-1 → accountId), for the known values. */
  knownVariables(): ReadonlyMap<string, string> {
    return this.book.variables;
  }
}
