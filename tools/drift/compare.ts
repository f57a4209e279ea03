// One live exchange against its recording: the status, the content type, the answer's shape, the
// live answer against the schema of the request's status, and against what every recording of the
// request showed. Breaking: an answer that no longer validates (a required field gone, a type or
// enum changed), a field every recording had and the live answer lacks (a rename the schema, calling
// the field optional, lets pass), a field whose type changed. Additive, a warning for whoever
// maintains the schemas: a new field, an optional field some recordings lacked too.
import type { Exchange } from '../../harness/client/exchange';
import { validateAgainst } from '../../harness/schema/registry';
import { breaksWithEvidence, compareShapes, shapeOf, type Evidence } from './shape';

export type DriftKind =
  'status-changed' | 'content-type-changed' | 'field-removed' | 'field-added' | 'field-retyped' | 'enum-changed' | 'schema-violation' | 'request-unrecorded';

export interface DriftFinding {
  kind: DriftKind;
  /** Breaking drift fails the run; additive drift is a warning. */
  severity: 'breaking' | 'additive';
  file: string;
  test: string;
  request: string;
  url: string;
  /** Where in the answer, for field changes (`_embedded.items[].state`). */
  path?: string;
  recorded?: unknown;
  live?: unknown;
}

export interface Where {
  file: string;
  test: string;
}

/**
 * The findings for one exchange; `schemaId` is the schema the collection declares for the live
 * status, `evidence` what every recording of the same request and status showed.
 */
export function compareExchange(
  where: Where,
  recorded: Exchange | undefined,
  live: Exchange,
  schemaId: string | undefined,
  evidence?: Evidence,
): DriftFinding[] {
  const base = { ...where, request: live.name, url: live.request.url };
  if (!recorded) return [{ kind: 'request-unrecorded', severity: 'additive', ...base, live: live.response.status }];
  if (recorded.response.status !== live.response.status) {
    return [{ kind: 'status-changed', severity: 'breaking', ...base, recorded: recorded.response.status, live: live.response.status }];
  }
  const findings: DriftFinding[] = [];
  const was = mediaType(recorded.response.headers['content-type']);
  const now = mediaType(live.response.headers['content-type']);
  if (was !== now) findings.push({ kind: 'content-type-changed', severity: 'breaking', ...base, recorded: was, live: now });

  const broken = new Set<string>();
  if (schemaId && live.response.body !== undefined && typeof live.response.body === 'object') {
    for (const problem of validateAgainst(schemaId, live.response.body).problems) {
      const kind = kindOfProblem(problem.schemaPath);
      const path = pointerToPath(problem.instancePath, problem.message);
      broken.add(path);
      findings.push({ kind, severity: 'breaking', ...base, path, live: problem.message });
    }
  }
  if (evidence && live.response.body !== undefined && typeof live.response.body === 'object') {
    for (const change of breaksWithEvidence(evidence, live.response.body)) {
      if (broken.has(change.path)) continue;
      broken.add(change.path);
      const kind = change.change === 'removed' ? 'field-removed' : 'field-retyped';
      findings.push({ kind, severity: 'breaking', ...base, path: change.path, recorded: change.recorded, live: change.live });
    }
  }
  if (typeof recorded.response.body === 'object' && typeof live.response.body === 'object') {
    for (const change of compareShapes(shapeOf(recorded.response.body), shapeOf(live.response.body))) {
      if (broken.has(change.path)) continue;
      // A type change is breaking whatever the schema says: no client reads "3600" as it read 3600.
      const kind = change.change === 'added' ? 'field-added' : change.change === 'removed' ? 'field-removed' : 'field-retyped';
      findings.push({
        kind,
        severity: kind === 'field-retyped' ? 'breaking' : 'additive',
        ...base,
        path: change.path,
        recorded: change.recorded,
        live: change.live,
      });
    }
  }
  return findings;
}

function kindOfProblem(schemaPath: string): DriftKind {
  if (schemaPath.endsWith('/required')) return 'field-removed';
  if (schemaPath.endsWith('/type')) return 'field-retyped';
  if (schemaPath.endsWith('/enum') || schemaPath.endsWith('/const')) return 'enum-changed';
  return 'schema-violation';
}

/** "/_embedded/items/0/state" → "_embedded.items[].state"; a missing property is named from ajv's message. */
function pointerToPath(pointer: string, message: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? '[]' : part));
  const missing = /must have required property '([^']+)'/.exec(message)?.[1];
  if (missing) parts.push(missing);
  return parts.reduce((path, part) => (part === '[]' ? `${path}[]` : path === '' ? part : `${path}.${part}`), '');
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
