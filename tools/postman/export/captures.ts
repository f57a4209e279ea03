// Where a request's {{variable}} can come from in a Postman run. Suites pass ids per send (vars);
// a Postman run has only the answers before it. The collection model says enough to find the
// values the server issues, and only those (names, labels, numbers to dial are the user's):
//   1. a POST to `<path>` creates what `<path>/{{x}}` names: its answer's `x`, else its `id`;
//   2. an identifier (…Id) or a one-time credential (code) that an earlier success schema declares,
//      directly or on the first item of a HAL list (GET Apps → applicationId);
//   but rule 2 never takes an id the caller chooses: when a POST to `<path>` carries `{{x}}` in its
//   body and `<path>/{{x}}` names the result (POST Participant {"participantId": …}), x is whom to
//   add, and capturing it from a list (the conference's first participant, the caller) would add
//   someone already there.
// The provider must answer before the variable's first use; the nearest one wins.
import type { NamedRequest } from '../../../harness/client/named-request';
import { isCredentialName } from '../../../harness/redact/sensitive';
import { variablesOf } from '../import/parameters';
import type { BodyPath } from '../import/script-expressions';
import type { JsonSchema } from './inline-schema';

export interface PlannedCapture {
  variable: string;
  path: BodyPath;
}

export interface CapturePlan {
  /** By request name: what its test script stores after a success. */
  captures: Map<string, PlannedCapture[]>;
  /** Variables no earlier request provides, with the requests that use them. */
  uncaptured: Map<string, string[]>;
  /** Every variable the requests use that the environment does not define, in order of first use. */
  collectionVariables: string[];
}

type SchemaOf = (request: NamedRequest) => JsonSchema | undefined;

/** The status a request is expected to answer when sent as written: its 2xx, or its only documented status (gateway probes). */
export function successStatus(request: NamedRequest): number | undefined {
  const statuses = Object.keys(request.responses)
    .map(Number)
    .sort((a, b) => a - b);
  return statuses.find((status) => status >= 200 && status < 300) ?? statuses[0];
}

/** `environment` holds the variables the environment defines: never captured here (token setup owns the tokens, the rest are the user's). */
export function planCaptures(ordered: readonly NamedRequest[], schemaOf: SchemaOf, environment: ReadonlySet<string>): CapturePlan {
  const plan: CapturePlan = { captures: new Map(), uncaptured: new Map(), collectionVariables: [] };
  const firstUse = new Map<string, number>();
  ordered.forEach((request, index) => {
    for (const variable of variablesOf(request)) {
      if (environment.has(variable) || variable.startsWith('$') || firstUse.has(variable)) continue;
      firstUse.set(variable, index);
      plan.collectionVariables.push(variable);
    }
  });
  for (const [variable, first] of firstUse) {
    const before = ordered.slice(0, first);
    // Created earlier (POST User then POST Group Member {"userId"}) it is captured; otherwise a
    // chosen id is the user's, not the first one some list happens to show.
    const provider =
      creatorOf(variable, ordered, before, schemaOf) ??
      (isIssued(variable) && !isChosenByCaller(variable, ordered) ? nearestProvider(before, variable, schemaOf) : undefined);
    if (provider) {
      plan.captures.set(provider.request.name, [...(plan.captures.get(provider.request.name) ?? []), { variable, path: provider.path }]);
    } else {
      plan.uncaptured.set(
        variable,
        ordered.filter((request) => variablesOf(request).includes(variable)).map((request) => request.name),
      );
    }
  }
  return plan;
}

/** A POST to `<path>` names `{{variable}}` in its body, and `<path>/{{variable}}` is a URL of the collection. */
function isChosenByCaller(variable: string, all: readonly NamedRequest[]): boolean {
  const marker = `/{{${variable}}}`;
  const named = new Set(
    all
      .map((r) => r.url.split('?')[0] as string)
      .filter((url) => url.includes(marker))
      .map((url) => url.slice(0, url.indexOf(marker))),
  );
  return all.some((r) => r.method === 'POST' && named.has(r.url.split('?')[0] as string) && JSON.stringify(r.body ?? {}).includes(`{{${variable}}}`));
}

/** Identifiers and one-time credentials are issued by the server; anything else is an input. */
function isIssued(variable: string): boolean {
  return /(^id|Id|_id|ID)$/.test(variable) || isCredentialName(variable);
}

interface Provider {
  request: NamedRequest;
  path: BodyPath;
}

function creatorOf(variable: string, all: readonly NamedRequest[], before: readonly NamedRequest[], schemaOf: SchemaOf): Provider | undefined {
  const marker = `/{{${variable}}}`;
  const paths = all
    .map((r) => r.url.split('?')[0] as string)
    .filter((url) => url.includes(marker))
    .map((url) => url.slice(0, url.indexOf(marker)));
  for (let index = before.length - 1; index >= 0; index--) {
    const request = before[index] as NamedRequest;
    if (request.method !== 'POST' || !paths.includes(request.url.split('?')[0] as string)) continue;
    const properties = propertiesOf(schemaOf(request) ?? {});
    if (properties[variable]) return { request, path: [variable] };
    if (properties.id) return { request, path: ['id'] };
  }
  return undefined;
}

function nearestProvider(before: readonly NamedRequest[], variable: string, schemaOf: SchemaOf): Provider | undefined {
  let fromList: Provider | undefined;
  for (let index = before.length - 1; index >= 0; index--) {
    const request = before[index] as NamedRequest;
    const schema = schemaOf(request);
    if (!schema) continue;
    if (propertiesOf(schema)[variable]) return { request, path: [variable] };
    const items = itemSchemaOf(schema);
    if (!fromList && items && propertiesOf(items)[variable]) fromList = { request, path: ['_embedded', 'items', 0, variable] };
  }
  return fromList;
}

/** The properties a schema declares itself and through its allOf parts. */
function propertiesOf(schema: JsonSchema): Record<string, unknown> {
  const own = (schema.properties as Record<string, unknown> | undefined) ?? {};
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [];
  return Object.assign({}, ...parts.map(propertiesOf), own) as Record<string, unknown>;
}

/** The item schema of a HAL collection (`_embedded.items[]`), if the schema is one. */
function itemSchemaOf(schema: JsonSchema): JsonSchema | undefined {
  const embedded = propertiesOf(schema)._embedded as JsonSchema | undefined;
  const items = embedded ? (propertiesOf(embedded).items as JsonSchema | undefined) : undefined;
  const item = items?.items;
  return item && typeof item === 'object' && !Array.isArray(item) ? (item as JsonSchema) : undefined;
}
