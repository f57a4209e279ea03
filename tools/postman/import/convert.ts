// One Postman request as the harness's NamedRequest, plus everything the generated suite and the
// import report need about it: named parameters, what Postman keeps disabled, the statuses and
// checks its scripts assert, its captures, the lines nobody could translate, and the schemas
// inferred from its saved examples (or carried in scripts this harness exported).
import type { HttpMethod, NamedRequest } from '../../../harness/client/named-request';
import { PostmanInputError, itemLabel, type SourceRequest } from '../format';
import { convertAuth, userOfToken, type SecretVariable } from './auth';
import { convertBody } from './body';
import { inferSchema, kebabCase, pascalCase, type JsonSchema } from './infer-schema';
import { genericResponses, routeKey, type KnownRoute } from './known-routes';
import { ParameterCollector, variablesOf, type NamedParameter } from './parameters';
import { translateScripts, type Capture, type Check, type ScriptLine, type Translation } from './scripts';

export interface SchemaToWrite {
  id: string;
  schema: JsonSchema;
}

export interface ImportedRequest {
  request: NamedRequest;
  folders: string[];
  parameters: NamedParameter[];
  /** Query parameters, headers and body fields Postman keeps but does not send. */
  disabled: string[];
  /** The statuses the test asserts; empty means "any 2xx". */
  expected: number[];
  checks: Check[];
  captures: Capture[];
  /** Make a PKCE pair (code_verifier, code_challenge) before sending, as the export's pre-request script did. */
  pkce: boolean;
  untranslated: ScriptLine[];
  /** Names the request's test script bound to the parsed body, for its untranslated lines. */
  bodyNames: string[];
  notes: string[];
  secrets: SecretVariable[];
  schemas: SchemaToWrite[];
  /** Every {{variable}} the request uses. */
  variables: string[];
}

export interface ConvertContext {
  file: string;
  /** The folder name under suites/ and schemas/. */
  api: string;
  /** Schema ids that already exist under schemas/. */
  knownSchemaIds: ReadonlySet<string>;
  /** The harness's own routes, for requests whose examples give no contract (known-routes.ts). */
  knownRoutes?: ReadonlyMap<string, KnownRoute>;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** The harness adds x-mitel-app from the environment to every request, so this header is its own. */
const OWN_HEADER = { name: 'x-mitel-app', value: '{{x-mitel-app}}' };

/**
 * `shared` are the translated test scripts of the collection and of the folders above the request:
 * Postman runs them for every request below them, so their checks and captures apply here too.
 */
export function convertRequest(source: SourceRequest, context: ConvertContext, shared: readonly Translation[] = []): ImportedRequest {
  const label = itemLabel(source.folders, source.name);
  if (!METHODS.includes(source.method as HttpMethod)) {
    throw new PostmanInputError(context.file, `method ${source.method} is not one the harness sends (${METHODS.join(', ')})`, label);
  }
  const params = new ParameterCollector();
  const disabled: string[] = [];
  const auth = convertAuth(source.effectiveAuth);
  const headers: Record<string, string> = { ...auth.headers };
  let requestAuth = auth.auth;
  for (const header of source.headers) {
    const value = params.singleBraces(header.value ?? '');
    if (header.disabled) disabled.push(`header ${header.key}: ${value}`);
    else if (header.key.toLowerCase() === OWN_HEADER.name && value.trim() === OWN_HEADER.value) continue;
    else if (header.key.toLowerCase() === 'authorization' && userOfToken(value.replace(/^Bearer\s+/i, '')) && /^Bearer\s/i.test(value)) {
      requestAuth = userOfToken(value.replace(/^Bearer\s+/i, '')) ?? requestAuth;
      delete headers.authorization;
    } else headers[header.key] = value;
  }

  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  const body = convertBody(source.body, contentType, params);
  disabled.push(...body.disabled.map((field) => `body field ${field}`));
  const url = convertUrl(source, params, auth.query, disabled);
  const scripts = translateScripts(source.scripts.test, source.scripts.prerequest);

  const request: NamedRequest = { name: source.name, method: source.method as HttpMethod, url, responses: {} };
  if (source.description) request.description = source.description;
  if (Object.keys(headers).length > 0) request.headers = headers;
  if (body.body) request.body = body.body;
  if (requestAuth !== 'primary') request.auth = requestAuth;
  for (const [key, value] of Object.entries(scripts.harnessFields ?? {})) if (!(key in request) && key !== 'name') Object.assign(request, { [key]: value });

  const schemas = scripts.schemaByStatus
    ? carriedSchemas(request, scripts.schemaByStatus, scripts.inlinedSchemas, context)
    : inferredSchemas(source, request, context);
  let expected = expectedStatuses(scripts, shared, source);
  const notes: string[] = [];
  if (Object.keys(request.responses).length === 0) {
    // Every answer is checked against a declared status: borrow the harness's contract for this route, else a generic one.
    const known = context.knownRoutes?.get(routeKey(request.method, request.url));
    if (known) {
      request.responses = { ...known.responses };
      if (expected.length === 0) expected = successOf(known.responses);
    } else {
      request.responses = genericResponses(request.method, expected);
      notes.push(
        `no saved example and no harness request for this route: it declares ${Object.keys(request.responses).join(' or ')} with the generic _shared/resource schema; add a saved example or a schema`,
      );
    }
  }
  return {
    request,
    folders: source.folders,
    parameters: params.list(),
    disabled,
    expected,
    checks: [...shared.flatMap((t) => t.checks), ...scripts.checks],
    captures: [...shared.flatMap((t) => t.captures), ...scripts.captures],
    pkce: scripts.pkce,
    untranslated: scripts.untranslated,
    bodyNames: scripts.bodyNames,
    notes: [...auth.notes, ...body.notes, ...notes],
    secrets: auth.secrets,
    schemas,
    variables: variablesOf(request),
  };
}

function convertUrl(source: SourceRequest, params: ParameterCollector, authQuery: Record<string, string>, disabled: string[]): string {
  const base = params.singleBraces(params.pathVariables(source.url.raw.split(/[?#]/)[0] as string, source.url.pathVariables));
  const pairs: string[] = [];
  for (const param of source.url.query) {
    const pair = `${encodeSpaces(params.singleBraces(param.key))}${param.value === undefined ? '' : `=${encodeSpaces(params.singleBraces(param.value))}`}`;
    if (param.disabled) disabled.push(`query ${pair}`);
    else pairs.push(pair);
  }
  for (const [name, value] of Object.entries(authQuery)) pairs.push(`${encodeURIComponent(name)}=${value}`);
  return pairs.length > 0 ? `${base}?${pairs.join('&')}` : base;
}

/** Postman sends spaces in a query as %20; a URL with a raw space cannot be sent at all. */
function encodeSpaces(text: string): string {
  return text.replace(/ /g, '%20');
}

/** A script this harness exported names each status's schema id and inlines the schema; ids missing here are written from it. */
function carriedSchemas(request: NamedRequest, byStatus: Record<string, string>, inlined: Record<string, unknown>, context: ConvertContext): SchemaToWrite[] {
  const out: SchemaToWrite[] = [];
  for (const [status, id] of Object.entries(byStatus)) {
    request.responses[Number(status)] = id;
    const schema = inlined[id];
    if (!context.knownSchemaIds.has(id) && schema && !out.some((s) => s.id === id)) out.push({ id, schema: { ...(schema as JsonSchema), $id: id } });
  }
  return out;
}

function inferredSchemas(source: SourceRequest, request: NamedRequest, context: ConvertContext): SchemaToWrite[] {
  const byStatus = new Map<number, unknown[]>();
  for (const example of source.examples) {
    if (example.code === undefined) continue;
    const body = parseJson(example.body);
    if (body === undefined) continue;
    byStatus.set(example.code, [...(byStatus.get(example.code) ?? []), body]);
  }
  const out: SchemaToWrite[] = [];
  for (const [status, bodies] of byStatus) {
    const id = `${context.api}/${kebabCase(source.name)}-${status}`;
    const names = source.examples
      .filter((e) => e.code === status)
      .map((e) => `"${e.name}"`)
      .join(', ');
    const schema = inferSchema(bodies, {
      id,
      title: `${pascalCase(context.api)}${pascalCase(source.name)}${status}`,
      description: `The ${status} answer of "${source.name}", inferred from the saved Postman example${bodies.length === 1 ? '' : 's'} ${names}.`,
    });
    if (!schema) continue;
    request.responses[status] = id;
    out.push({ id, schema });
  }
  return out;
}

/** The request's own status checks, else those of the scripts above it, else its saved examples'. */
function expectedStatuses(own: Translation, shared: readonly Translation[], source: SourceRequest): number[] {
  if (own.statuses.length > 0) return own.statuses;
  const inherited = [...new Set(shared.flatMap((t) => t.statuses))];
  return inherited.length > 0 ? inherited : expectedFromExamples(source);
}

function successOf(responses: Record<number, string>): number[] {
  const success = Object.keys(responses)
    .map(Number)
    .sort((a, b) => a - b)
    .find((status) => status >= 200 && status < 300);
  return success === undefined ? [] : [success];
}

function expectedFromExamples(source: SourceRequest): number[] {
  const codes = source.examples.map((e) => e.code).filter((code): code is number => code !== undefined);
  const success = codes.find((code) => code >= 200 && code < 300);
  return success !== undefined ? [success] : codes.slice(0, 1);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
