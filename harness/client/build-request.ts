// Turns a named request into the concrete request to send: every {{variable}} resolved by Postman's
// rules (request-local values first, then the environment), x-mitel-app and auth added. Nothing is
// sent when a variable is missing: the error names the variable and the request.
import { resolveForm, resolveJson, resolveTemplate, type Environment } from '../env';
import type { RecordedRequest } from './exchange';
import type { NamedRequest, RequestBody } from './named-request';

export interface RequestOverrides {
  /** Request-local variables, highest precedence (like Postman's local scope). */
  vars?: Record<string, string>;
  /** Extra or replacing headers. */
  headers?: Record<string, string>;
  /** Replaces the JSON body. */
  json?: unknown;
  /** Merged over the form body; a field set to undefined is removed. */
  form?: Record<string, string | undefined>;
  /** Replaces the request's URL template, e.g. with a HAL link turned into `{{media_url}}/calls?$skip=2`. */
  url?: string;
  /** Query parameters added to the URL, e.g. OData `{ $top: '5', $filter: "name eq 'x'" }`. */
  query?: Record<string, string>;
}

export function buildRequest(named: NamedRequest, env: Environment, overrides: RequestOverrides = {}, accessToken?: string): RecordedRequest {
  const scopes = [overrides.vars ?? {}, env.values];
  const context = { request: named.name };
  const resolve = (template: string): string => resolveTemplate(template, scopes, context);

  const headers: Record<string, string> = {};
  // CloudLink identifies the calling application by this header (P-BUILD); Mitel's own samples work
  // without it, so it is sent only when the environment has a value.
  if (env.values['x-mitel-app']) headers['x-mitel-app'] = env.values['x-mitel-app'];
  for (const [name, value] of Object.entries({ ...named.headers, ...overrides.headers })) {
    headers[name.toLowerCase()] = resolve(value);
  }
  if (accessToken !== undefined && headers.authorization === undefined) headers.authorization = `Bearer ${accessToken}`;

  const request: RecordedRequest = { method: named.method, url: withQuery(resolve(overrides.url ?? named.url), overrides.query, resolve), headers };
  const body = withOverrides(named.body, overrides);
  if (body?.mode === 'json') {
    request.body = resolveJson(body.json, scopes, context);
    request.bodyType = 'json';
    headers['content-type'] ??= 'application/json';
  } else if (body?.mode === 'urlencoded') {
    request.body = withoutEmptyFields(resolveForm(body.form, scopes, context));
    request.bodyType = 'form';
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (body?.mode === 'raw') {
    request.body = resolve(body.raw);
    request.bodyType = 'text';
    headers['content-type'] ??= body.contentType;
  }
  return request;
}

function withQuery(url: string, query: Record<string, string> | undefined, resolve: (t: string) => string): string {
  if (!query) return url;
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(query)) parsed.searchParams.set(name, resolve(value));
  return parsed.toString();
}

function withOverrides(body: RequestBody | undefined, overrides: RequestOverrides): RequestBody | undefined {
  if (overrides.json !== undefined) return { mode: 'json', json: overrides.json };
  if (overrides.form === undefined) return body;
  const base = body?.mode === 'urlencoded' ? body.form : {};
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...base, ...overrides.form })) if (value !== undefined) merged[key] = value;
  return { mode: 'urlencoded', form: merged };
}

/**
 * Form fields that resolve to an empty string are left out, as Postman does with a disabled
 * parameter: an environment without an accountId logs in without `account_id` instead of sending
 * `account_id=` (which the platform would read as an account named "").
 */
function withoutEmptyFields(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ''));
}
