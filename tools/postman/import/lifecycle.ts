// What a collection creates and where it goes: the request that creates a thing, the requests after
// it that use its id, and the collection's DELETE that removes it. A Postman user carries the id by
// hand (or a script stores it); the generated suite captures it from the creator's answer, passes it
// to every later request, and has the DELETE sent after the last of them even when a test fails,
// so a run leaves nothing behind. The rule for a collection whose scripts store nothing is the
// export's (export/captures.ts): a POST to `<path>` creates what `<path>/{{x}}` names.
import type { NamedRequest } from '../../../harness/client/named-request';
import type { ImportedRequest } from './convert';
import { TOKEN_VARIABLES } from './postman-scripts';
import type { BodyPath } from './script-expressions';

export interface CreatedThing {
  /** The id's variable: userId. */
  variable: string;
  /** The request that creates it. */
  creator: string;
  /** Where the creator's answer holds the id; the first path present wins. */
  paths: BodyPath[];
  /** No script stored the id: the import worked it out from the URLs. */
  inferred: boolean;
  /** The later requests that use it, in Postman's order. */
  users: string[];
  /** The collection's DELETE that removes it, when there is one. */
  undo?: string;
}

const pathOf = (request: NamedRequest): string => request.url.split('?')[0] as string;
const uses = (imported: ImportedRequest, variable: string): boolean => imported.variables.includes(variable);

export function findCreatedThings(requests: readonly ImportedRequest[]): CreatedThing[] {
  const things: CreatedThing[] = [];
  requests.forEach((imported, index) => {
    if (imported.request.method !== 'POST') return;
    const later = requests.slice(index + 1);
    const base = pathOf(imported.request);
    const stored = imported.captures.filter((c) => c.source.kind === 'body' && !TOKEN_VARIABLES.has(c.variable));
    const named = new Set(later.map((r) => idAfter(base, pathOf(r.request))).filter((v): v is string => v !== undefined));
    const candidates = new Map<string, { paths: BodyPath[]; inferred: boolean }>();
    for (const capture of stored) candidates.set(capture.variable, { paths: [(capture.source as { path: BodyPath }).path], inferred: false });
    for (const variable of named)
      if (!candidates.has(variable) && !isStoredElsewhere(requests, variable)) candidates.set(variable, { paths: [[variable], ['id']], inferred: true });
    for (const [variable, { paths, inferred }] of candidates) {
      if (things.some((t) => t.variable === variable)) continue;
      const users = later.filter((r) => uses(r, variable)).map((r) => r.request.name);
      if (users.length === 0 && inferred) continue;
      things.push({ variable, creator: imported.request.name, paths, inferred, users, undo: deleteFor(requests, base, variable) });
    }
  });
  return things;
}

/** `x` when `path` is `<base>/{{x}}` or goes on below it. */
function idAfter(base: string, path: string): string | undefined {
  if (!path.startsWith(`${base}/{{`)) return undefined;
  return /^\{\{([^{}]+)\}\}(?:\/|$)/.exec(path.slice(base.length + 1))?.[1];
}

/** A script of some request stores it already: that capture is the user's choice, not ours to add. */
function isStoredElsewhere(requests: readonly ImportedRequest[], variable: string): boolean {
  return requests.some((r) => r.captures.some((c) => c.variable === variable));
}

/** `DELETE <base>/{{x}}`, else any DELETE whose path ends in `/{{x}}`. */
function deleteFor(requests: readonly ImportedRequest[], base: string, variable: string): string | undefined {
  const deletes = requests.filter((r) => r.request.method === 'DELETE');
  const exact = deletes.find((r) => pathOf(r.request) === `${base}/{{${variable}}}`);
  return (exact ?? deletes.find((r) => pathOf(r.request).endsWith(`/{{${variable}}}`)))?.request.name;
}

/**
 * The parameters a test needs filled in to run: its own, less the ids an earlier request creates,
 * plus what that creator needs (without the creator's answer there is no id to send).
 */
export function neededParameters(requests: readonly ImportedRequest[], things: readonly CreatedThing[]): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  for (const imported of requests) {
    const name = imported.request.name;
    const created = things.filter((t) => t.users.includes(name));
    const own = imported.parameters.map((p) => p.name).filter((p) => !created.some((t) => t.variable === p));
    const fromCreators = created.flatMap((t) => needed.get(t.creator) ?? []);
    needed.set(name, [...new Set([...own, ...fromCreators])]);
  }
  return needed;
}
