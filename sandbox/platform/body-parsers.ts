// Request bodies the sandbox understands. The Authentication spec declares
// application/x-www-form-urlencoded for /token and /authorize (AUTH-SPEC; F-AUTHQ staff
// correction), yet Mitel's own samples post JSON to /token (S-AUTH, S-CHAT, S-NOTIF), so both are
// parsed everywhere and each route decides what it needs. fastify 5 ships no form parser.
import type { FastifyInstance } from 'fastify';
import { SandboxError, badRequest } from './errors';

/** CHOICE: 1 MiB, fastify's own default; API Gateway allows more, but no CloudLink body comes close. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export function parseFormBody(text: string): Record<string, string> {
  // A null-prototype object: a field called "__proto__" or "constructor" stays plain data.
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    // CHOICE: the first occurrence of a repeated field wins, as most OAuth servers do.
    if (!(key in fields)) fields[key] = value;
  }
  return fields;
}

export function parseJsonBody(text: string): unknown {
  // An empty JSON body is "no body" (each route says whether it needs one), not malformed JSON.
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badRequest('MalformedJSON', `The request body is not valid JSON: ${detail}`);
  }
}

export function registerBodyParsers(app: FastifyInstance): void {
  // Drop fastify's defaults (JSON with its own error shape, text/plain) so that every other media
  // type ends in the 415 the error handler words in the platform shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as SandboxError, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormBody(body as string));
  });
}
