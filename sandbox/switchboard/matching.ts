// Which occurrences a fault or drift applies to. Scope: the service (the first segment of the
// sandbox's `/<service>/<version>` prefixes), the method and the path below that prefix, matched
// by route-template patterns. Selection: a share of the occurrences in scope and/or only the next N.
// With a seed the share's decisions are a pure function of the seed, the fault's position and the
// order of occurrences, so a test that asks for "30 % of requests fail" sees the same requests fail
// on every run and every machine.
import { SERVICE_NAMES, type Selection, type ServiceName } from './types';

export interface RequestTarget {
  service?: ServiceName;
  method: string;
  /** The path below the service prefix (`/endpoints/2001/calls`), or the whole path outside any service. */
  path: string;
  /** The request's x-switchboard-tag header, if any. */
  tag?: string;
}

/** `/media/2017-09-01/endpoints/2001?x=1` → media, `/endpoints/2001`. */
export function targetOf(method: string, url: string, tag?: string): RequestTarget {
  const path = url.split('?', 1)[0] ?? '';
  const match = /^\/([^/]+)\/\d{4}-\d{2}-\d{2}(\/.*)?$/.exec(path);
  const service = match && (SERVICE_NAMES as readonly string[]).includes(match[1] ?? '') ? (match[1] as ServiceName) : undefined;
  return { service, method: method.toUpperCase(), path: service ? (match?.[2] ?? '/') : path, tag };
}

const isParam = (segment: string) => segment === '*' || segment.startsWith(':') || /^\{[^}]*\}$/.test(segment);

function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return path.length === 0;
  if (head === '**') {
    // Zero or more segments: try every split point.
    for (let taken = 0; taken <= path.length; taken++) if (matchSegments(rest, path.slice(taken))) return true;
    return false;
  }
  const [segment, ...others] = path;
  if (segment === undefined) return false;
  return (isParam(head) || head === segment) && matchSegments(rest, others);
}

/** Route-template matching: `{id}`, `:id` and `*` are one segment, `**` any number; a trailing slash is ignored. */
export function pathMatches(pattern: string, path: string): boolean {
  const split = (text: string) => text.split('/').filter((segment) => segment !== '');
  return matchSegments(split(pattern), split(path));
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** True when every given criterion accepts the target; an absent criterion accepts everything. */
export function inScope(
  scope: { service?: ServiceName | ServiceName[]; method?: string | string[]; path?: string; tag?: string },
  target: RequestTarget,
): boolean {
  const services = asList(scope.service);
  if (services && (target.service === undefined || !services.includes(target.service))) return false;
  const methods = asList(scope.method);
  if (methods && !methods.some((method) => method.toUpperCase() === target.method)) return false;
  if (scope.tag !== undefined && scope.tag !== target.tag) return false;
  return scope.path === undefined || pathMatches(scope.path, target.path);
}

/** mulberry32: tiny, fast and good enough to spread failures; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One fault's memory of what it has picked: its random stream and what is left of `next`. */
export class Selector {
  private readonly random: () => number;
  private remainingCount: number | undefined;

  /** `stream` separates the faults of one configuration, so each draws its own sequence. */
  constructor(
    private readonly selection: Selection,
    seed: number | undefined,
    stream: number,
  ) {
    this.random = seed === undefined ? Math.random : seededRandom((seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
    this.remainingCount = selection.next;
  }

  get remaining(): number | undefined {
    return this.remainingCount;
  }

  /** Called once per occurrence the fault's scope accepts; true when the fault hits it. */
  pick(): boolean {
    if (this.remainingCount === 0) return false;
    const share = this.selection.share ?? 1;
    // A share of 1 never consumes randomness, so adding `share: 1` changes nothing.
    if (share < 1 && !(this.random() < share)) return false;
    if (this.remainingCount !== undefined) this.remainingCount -= 1;
    return true;
  }
}
