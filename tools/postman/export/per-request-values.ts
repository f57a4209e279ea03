// Values one request needs that differ from what the collection variable holds. The harness
// suites pass such values per send (`vars`), computed in code; a Postman run has only variables,
// so the export writes a pre-request script that sets the request's own value with pm.variables
// (the local scope, which wins over collection variables for that request and leaves them as
// they were). Each rule matches request shapes, not names, and says why the value differs:
//   * Media's callId: the model holds the leg's callId as issued (`endpoints/203/calls/6`), but
//     `/endpoints/{{endpointId}}/calls/{{callId}}` names the leg by the number that ends it and
//     `/calls/{{callId}}/records` (and the `/calls/{{callPath}}` probe) want the whole id
//     percent-encoded as one segment, as the suites send them;
//   * a second participant (`POST …/participants` naming `{{participantId}}` after the resource was
//     created with `{{participantId}}` already in it) must be someone not yet there: the answer
//     is 409 otherwise, so that request takes `newParticipantId`, a user the caller fills in;
//   * join details (`POST …/participants/{{participantId}}/connections`) are issued to the
//     participant only: the run's caller asks for its own, as the conference's creator, who is a
//     participant from the start (`createdBy` of the POST that created it).
// The script's lines are recognised by `npm run import` (isPerRequestPreRequest), so the round trip
// stays clean; the harness suites compute these values themselves.
import type { NamedRequest } from '../../../harness/client/named-request';
import { variablesOf } from '../import/parameters';
import type { PlannedCapture } from './captures';

export const PER_REQUEST_MARKER = '// Exported by the CloudLink harness: values for this request only (pm.variables).';

/**
 * pm.variables outlives the request in a collection run (Newman's local scope is the run's), so the
 * test script of each such request unsets what its pre-request set, and the next request sees the
 * collection variable again.
 */
export function unsetLines(preRequest: readonly string[]): string[] {
  const variables = [...new Set(preRequest.map((line) => /^pm\.variables\.set\(("[^"]+"),/.exec(line)?.[1]).filter((v): v is string => v !== undefined))];
  return variables.length === 0
    ? []
    : ['// Exported by the CloudLink harness: the pre-request values were for this request only.', ...variables.map((v) => `pm.variables.unset(${v});`)];
}

export interface PerRequestPlan {
  /** By request name: its pre-request lines (empty when the request needs none). */
  preRequest: Map<string, string[]>;
  /** Extra captures some derivations read, by the request that stores them. */
  captures: Map<string, PlannedCapture[]>;
  /** Variables a script sets: not to be filled in, with the requests whose script sets them. */
  setByScript: Map<string, string[]>;
  /** Variables only a script reads, which the user fills in, with their description. */
  fillIns: Array<{ variable: string; usedBy: string[]; why: string }>;
}

const pathOf = (request: NamedRequest): string => request.url.split('?')[0] as string;
const collectionValue = (variable: string): string => `pm.collectionVariables.get(${JSON.stringify(variable)})`;
const set = (variable: string, expression: string): string => `pm.variables.set(${JSON.stringify(variable)}, ${expression});`;

/**
 * `ordered` is the run order; `captured` the variables an earlier answer provides (the derivations
 * read those, so a value that is not captured is left as the user gave it).
 */
export function planPerRequestValues(ordered: readonly NamedRequest[], captured: ReadonlySet<string>): PerRequestPlan {
  const plan: PerRequestPlan = { preRequest: new Map(), captures: new Map(), setByScript: new Map(), fillIns: [] };
  const add = (request: NamedRequest, variable: string, line: string, why: string): void => {
    const lines = plan.preRequest.get(request.name) ?? [PER_REQUEST_MARKER];
    lines.push(`// ${variable}: ${why}`, line);
    plan.preRequest.set(request.name, lines);
  };
  const note = (map: Map<string, string[]>, variable: string, request: string): void => void map.set(variable, [...(map.get(variable) ?? []), request]);

  for (const request of ordered) {
    const path = pathOf(request);
    // The leg's callId as issued is path-like; each route wants its own form of it.
    if (captured.has('callId') && /\/endpoints\/\{\{[^}]+\}\}\/calls\/\{\{callId\}\}$/.test(path)) {
      add(
        request,
        'callId',
        set('callId', `String(${collectionValue('callId')}).split("/").pop()`),
        'this route names the leg by the number that ends its callId (endpoints/203/calls/6 → 6).',
      );
    }
    if (captured.has('callId') && /\/calls\/\{\{callId\}\}\/records$/.test(path)) {
      add(
        request,
        'callId',
        set('callId', `encodeURIComponent(${collectionValue('callId')})`),
        'the call history wants the whole callId, percent-encoded as one path segment.',
      );
    }
    if (captured.has('callId') && /\/calls\/\{\{callPath\}\}$/.test(path)) {
      add(
        request,
        'callPath',
        set('callPath', `encodeURIComponent(${collectionValue('callId')})`),
        'the pitfall probe: a real path-like callId, percent-encoded, under /calls/ (no route there).',
      );
      note(plan.setByScript, 'callPath', request.name);
    }
  }

  // A second participant must be new to the resource that was created with {{participantId}} in it.
  const created = ordered.find((r) => r.method === 'POST' && bodyText(r).includes('{{participantId}}') && !/\/participants$/.test(pathOf(r)));
  for (const request of ordered) {
    if (!created || request.method !== 'POST' || !/\/participants$/.test(pathOf(request)) || !bodyText(request).includes('{{participantId}}')) continue;
    if (ordered.indexOf(request) < ordered.indexOf(created)) continue;
    // Fill-ins are read from any scope: a user may give them in the environment (newman --env-var).
    add(
      request,
      'participantId',
      set('participantId', 'pm.variables.get("newParticipantId")'),
      `"${created.name}" already made {{participantId}} a participant (a second POST answers 409); this one adds newParticipantId.`,
    );
    plan.fillIns.push({
      variable: 'newParticipantId',
      usedBy: [request.name],
      why: `another user of the account, not in the conversation "${created.name}" starts: "${request.name}" adds them`,
    });
  }

  // Join details go to the participant only: ask for the caller's own, as the creator of the conference.
  for (const request of ordered) {
    const join = /^(.*)\/participants\/\{\{participantId\}\}\/connections$/.exec(pathOf(request));
    if (request.method !== 'POST' || !join) continue;
    const collectionPath = (join[1] as string).replace(/\/\{\{[^}]+\}\}$/, '');
    const creator = ordered.find((r) => r.method === 'POST' && pathOf(r) === collectionPath);
    if (!creator) continue;
    plan.captures.set(creator.name, [...(plan.captures.get(creator.name) ?? []), { variable: 'createdBy', path: ['createdBy'] }]);
    add(
      request,
      'participantId',
      set('participantId', collectionValue('createdBy')),
      `join details are issued to the participant only; the caller created the conference ("${creator.name}") and so is its first participant.`,
    );
  }
  return plan;
}

/**
 * The run order with each conference join moved before the first action on that conference: the
 * actions (end, record, …) need an active conference, and joining is what makes it active.
 */
export function joinBeforeActions(ordered: readonly NamedRequest[]): NamedRequest[] {
  const out = [...ordered];
  for (const join of ordered) {
    const match = /^(.*)\/participants\/\{\{participantId\}\}\/connections$/.exec(pathOf(join));
    if (join.method !== 'POST' || !match) continue;
    const action = out.findIndex((r) => r.method === 'POST' && pathOf(r) === match[1] && variablesOf(r).includes('action'));
    const at = out.indexOf(join);
    if (action < 0 || action > at) continue;
    out.splice(at, 1);
    out.splice(action, 0, join);
  }
  return out;
}

function bodyText(request: NamedRequest): string {
  const body = request.body;
  if (!body) return '';
  if (body.mode === 'json') return JSON.stringify(body.json);
  if (body.mode === 'urlencoded') return JSON.stringify(body.form);
  return body.raw;
}

/** True when `lines` are a script planPerRequestValues wrote: its marker, comments and pm.variables.set lines only. */
export function isPerRequestPreRequest(lines: readonly string[]): boolean {
  const meaningful = lines.map((line) => line.trim()).filter((line) => line !== '');
  return (
    meaningful[0] === PER_REQUEST_MARKER && meaningful.slice(1).every((line) => line.startsWith('//') || /^pm\.variables\.set\("[^"]+", .+\);$/.test(line))
  );
}
