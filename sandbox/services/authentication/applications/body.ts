// Reading the JSON bodies of the application routes: each field is checked for its type so a
// wrong body gets a 400 that names the field instead of a record with garbage in it.
import { badRequest } from '../../../platform/errors';

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest('InvalidRequest', `${name} must be a string.`);
  return value;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  // POST /applications: 400 MissingParamInRequest (AUTH-SPEC).
  if (value === undefined || value.trim() === '') throw badRequest('MissingParamInRequest', `${name} is required.`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequest('InvalidRequest', `${name} must be true or false.`);
  return value;
}

export function optionalStringList(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw badRequest('InvalidRequest', `${name} must be an array of strings.`);
  }
  return [...(value as string[])];
}

/**
 * `$filter` on GET /apps: the spec says the list "can be filtered … for a given application Id",
 * so `applicationId eq '<id>'` is understood. CHOICE: any other expression is refused with 400
 * UnsupportedQueryParameters rather than half-evaluated.
 */
export function applicationIdFilter(filter: string | undefined): string | undefined {
  if (filter === undefined) return undefined;
  const match = /^\s*applicationId\s+eq\s+'([^']*)'\s*$/.exec(filter);
  if (!match) {
    throw badRequest('UnsupportedQueryParameters', "Only $filter=applicationId eq '<id>' is supported on /apps.");
  }
  return match[1];
}
