// Reading admin request bodies. The field-by-field type checks come from platform/json-fields
// (400 MissingParamInRequest / InvalidRequest, AUTH-SPEC names); this file adds what admin bodies
// need on top: refusing fields a resource does not have, letting a client PUT back what it read
// (read-only fields pass when unchanged), `null` to clear an optional field, and the formats of
// the directory's values.
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../platform/errors';
import { isJsonObject, optionalString, type JsonObject } from '../../platform/json-fields';
import { jsonObjectBody } from '../../platform/request-fields';

const invalid = (message: string) => badRequest('InvalidRequest', message);

/** HAL decoration a client may echo back from a GET; never data. */
const DECORATION = ['_links', '_embedded'];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * CHOICE: a field the resource does not have is a 400 naming it (as MEDIA-SPEC's conference body
 * is `additionalProperties: false`), so a misspelt field is not silently dropped. Fields of the
 * resource that cannot be written pass when they equal the current value (GET, edit, PUT back)
 * and are a 400 otherwise.
 */
export function checkFields(body: JsonObject, writable: readonly string[], current: JsonObject = {}): void {
  for (const [name, value] of Object.entries(body)) {
    if (writable.includes(name) || DECORATION.includes(name)) continue;
    if (Object.hasOwn(current, name)) {
      if (sameValue(value, current[name])) continue;
      throw invalid(`${name} cannot be changed.`);
    }
    throw invalid(`Unknown field '${name}'; this resource takes ${writable.join(', ')}.`);
  }
}

/** A POST body: a JSON object, 400 naming the required fields when there is none. */
export function createBody(request: FastifyRequest, required: readonly string[]): JsonObject {
  const body = jsonObjectBody(request);
  if (!body) throw badRequest('MissingParamInRequest', `${required.join(', ')} ${required.length > 1 ? 'are' : 'is'} required.`);
  return body;
}

/** A PUT body: a JSON object with something in it (AUTH-SPEC PUT /applications refuses an empty one). */
export function updateBody(request: FastifyRequest): JsonObject {
  const body = jsonObjectBody(request);
  if (!body || Object.keys(body).filter((name) => !DECORATION.includes(name)).length === 0) {
    throw badRequest('MissingParamInRequest', 'The update body is empty.');
  }
  return body;
}

/**
 * An optional text field of an update: undefined when absent (leave it), null when sent as null
 * (clear it), else the checked value. CHOICE: null clears, so PUT can remove a phone number.
 */
export function clearable<T>(body: JsonObject, name: string, read: (body: JsonObject, name: string) => T | undefined): T | null | undefined {
  if (!Object.hasOwn(body, name)) return undefined;
  if (body[name] === null) return null;
  return read(body, name);
}

/** A non-blank string, or undefined when absent; blank is 400 since it would mean nothing. */
export function text(body: JsonObject, name: string): string | undefined {
  const value = optionalString(body, name);
  if (value !== undefined && value.trim() === '') throw invalid(`${name} must not be blank.`);
  return value?.trim();
}

/** Loose, like a directory would check: one @, something either side, a dot in the domain. */
export function email(body: JsonObject, name: string): string | undefined {
  const value = text(body, name);
  if (value !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalid(`${name} '${value}' is not an email address.`);
  return value;
}

/** Phone numbers as CloudLink tokens show them: digits with an optional leading + (`+15550100001`). */
export function phoneNumber(body: JsonObject, name: string): string | undefined {
  const value = text(body, name);
  if (value !== undefined && !/^\+?\d{3,15}$/.test(value)) throw invalid(`${name} '${value}' must be digits with an optional leading +.`);
  return value;
}

/** A PBX extension: digits only (the seed's 2001, 2002 …). */
export function extension(body: JsonObject, name: string): string | undefined {
  const value = text(body, name);
  if (value !== undefined && !/^\d{2,10}$/.test(value)) throw invalid(`${name} '${value}' must be 2 to 10 digits.`);
  return value;
}

/** BCP 47 in the `en-US` form the tokens carry (S-AUTH README `languageCode`). */
export function languageCode(body: JsonObject, name: string): string | undefined {
  const value = text(body, name);
  if (value !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) throw invalid(`${name} '${value}' is not a language code like en-US.`);
  return value;
}

export function positiveInteger(body: JsonObject, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw invalid(`${name} must be a positive integer.`);
  return value;
}

/**
 * CHOICE: a new password must follow the default password rule CloudLink shows for third-party
 * applications (AUTH-SPEC legacyApplication: 8–128 characters with a number, a lower-case and an
 * upper-case letter). Every seeded password does.
 */
export function password(body: JsonObject, name: string): string | undefined {
  const value = optionalString(body, name);
  if (value === undefined) return undefined;
  if (value.length < 8 || value.length > 128 || !/\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) {
    throw invalid(`${name} must be 8 to 128 characters with a number, a lower-case and an upper-case letter.`);
  }
  return value;
}

/** A nested object of optional strings (an address), every key known. */
export function stringRecord(body: JsonObject, name: string, keys: readonly string[]): Record<string, string> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalid(`${name} must be an object.`);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!keys.includes(key)) throw invalid(`Unknown field '${name}.${key}'; ${name} takes ${keys.join(', ')}.`);
    if (typeof item !== 'string') throw invalid(`${name}.${key} must be a string.`);
    result[key] = item;
  }
  return result;
}
