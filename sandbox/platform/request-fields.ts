// Routes that take OAuth-style parameters (/token, /authorize) read them as flat string fields,
// whether they arrived form-encoded (AUTH-SPEC) or as JSON (S-AUTH, S-CHAT, S-NOTIF samples).
import type { FastifyRequest } from 'fastify';
import { SandboxError, badRequest } from './errors';

export type Fields = Record<string, string>;

/**
 * Flattens a parsed body into string fields. Returns undefined when there is no body at all.
 * CHOICE: JSON numbers and booleans become strings, so `"account_id": 100200300` works like the
 * form field `account_id=100200300`; nested objects and arrays are not OAuth parameters and are
 * dropped.
 */
export function fieldsOf(body: unknown): Fields | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('InvalidRequest', 'The request body must be form fields or a JSON object.');
  }
  const fields: Fields = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
  }
  return fields;
}

/** A field's value, or undefined when absent or blank (an empty form field means "not given"). */
export function optionalField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The named fields, or a 400 MissingParameters naming every one that is absent (AUTH-SPEC). */
export function requireFields<K extends string>(fields: Fields, names: readonly K[]): Record<K, string> {
  const missing = names.filter((name) => optionalField(fields, name) === undefined);
  if (missing.length > 0) {
    throw badRequest('MissingParameters', `Missing required parameter(s): ${missing.join(', ')}.`);
  }
  const present = {} as Record<K, string>;
  for (const name of names) present[name] = fields[name] as string;
  return present;
}

/**
 * The JSON object body of a resource route, or undefined when the request has none. Resource
 * routes take application/json only (AUTH-SPEC requestBody content types); a form body there is
 * answered 415 rather than silently read. A JSON value that is not an object is a 400.
 */
export function jsonObjectBody(request: FastifyRequest): Record<string, unknown> | undefined {
  if (request.body === undefined) return undefined;
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    throw new SandboxError(415, 'UnsupportedMediaType', 'This resource takes an application/json body.');
  }
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('InvalidRequest', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
