// `npm run coverage`: which documented CloudLink operation (tools/coverage/operations.ts) has a
// named request, a test that sends it, a recorded fixture, a declared schema, and which statuses
// the fixtures saw. An operation counts as covered with a named request and a test; otherwise it
// must carry a written reason. Writes reports/coverage.md and reports/coverage.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { discoverCollections } from '../../harness/collections';
import { DOCUMENTED_OPERATIONS, type ApiName, type DocumentedOperation } from './operations';
import { renderCoverageMarkdown, totalsLine } from './render';

export { totalsLine };

/** The part of a named request the map needs. */
export interface RequestInfo {
  api: string;
  name: string;
  method: string;
  url: string;
  responses: Record<number, string>;
}

/** What the suites show about named requests: who is sent by a test, which statuses were recorded. */
export interface Usage {
  /** `<suite folder> <request name>` for every name quoted in a suite's test or support file. */
  mentioned: Set<string>;
  /** `<url variable> <request name>` → the statuses its recorded answers had. */
  recorded: Map<string, Set<number>>;
}

/** A documented operation with what the suites show about it. */
export interface CoverageRow extends Omit<DocumentedOperation, 'requests'> {
  /** The named requests that answer it, at its own path or by its `requests`. */
  requests: string[];
  test: boolean;
  fixture: boolean;
  schema: boolean;
  statuses: number[];
  covered: boolean;
}

export interface CoverageTotals {
  operations: number;
  covered: number;
  explained: number;
  /** Neither covered nor explained: the map's failures. */
  open: number;
  /** Named requests that answer no documented operation (the sandbox's additions, the gateway's 403). */
  undocumentedRequests: string[];
}

/** The URL variable of each API's service, as the environments name them. */
export const URL_VARIABLE: Record<ApiName, string> = {
  authentication: 'auth_url',
  admin: 'admin_url',
  media: 'media_url',
  conversations: 'chat_url',
  notifications: 'notifications_url',
};

/**
 * A URL or path reduced to what identifies an operation: its service's URL variable (when the URL
 * starts with one) and its segments with every parameter, `{{var}}` or `{name}`, as `{}`.
 */
export function templateOf(url: string): { variable?: string; template: string } {
  const withoutQuery = url.split('?')[0] ?? '';
  const variable = /^\{\{(\w+)\}\}/.exec(withoutQuery)?.[1];
  const rest = variable ? withoutQuery.slice(variable.length + 4) : withoutQuery;
  const template = rest
    .split('/')
    .map((segment) => (/^\{\{?\w+\}\}?$/.test(segment) ? '{}' : segment))
    .join('/');
  return { variable, template: template === '' ? '/' : template };
}

/** The named requests that send an operation: same service, method and path template, or named in the operation. */
export function requestsFor(operation: DocumentedOperation, requests: readonly RequestInfo[]): RequestInfo[] {
  const variable = URL_VARIABLE[operation.api];
  const wanted = templateOf(operation.path).template;
  return requests.filter((request) => {
    const { variable: its, template } = templateOf(request.url);
    if (its !== variable) return false;
    if (operation.requests?.includes(request.name)) return true;
    return request.method === operation.method && template === wanted;
  });
}

export function coverageRows(operations: readonly DocumentedOperation[], requests: readonly RequestInfo[], usage: Usage): CoverageRow[] {
  return operations.map((operation) => {
    const found = requestsFor(operation, requests);
    const statuses = new Set<number>();
    let test = false;
    let fixture = false;
    for (const request of found) {
      const seen = usage.recorded.get(`${URL_VARIABLE[operation.api]} ${request.name}`);
      if (seen && seen.size > 0) fixture = true;
      for (const status of seen ?? []) statuses.add(status);
      if (usage.mentioned.has(`${request.api} ${request.name}`) || (seen?.size ?? 0) > 0) test = true;
    }
    const schema = found.some((request) => Object.keys(request.responses).some((status) => Number(status) >= 200 && Number(status) < 300));
    const covered = found.length > 0 && test;
    return {
      api: operation.api,
      method: operation.method,
      path: operation.path,
      id: operation.id,
      summary: operation.summary,
      source: operation.source,
      requests: found.map((request) => request.name),
      test,
      fixture,
      schema,
      statuses: [...statuses].sort((a, b) => a - b),
      covered,
      ...(operation.reason ? { reason: operation.reason } : {}),
      ...(operation.note ? { note: operation.note } : {}),
    };
  });
}

export function coverageTotals(rows: readonly CoverageRow[], requests: readonly RequestInfo[]): CoverageTotals {
  const used = new Set(rows.flatMap((row) => row.requests.map((name) => `${row.api} ${name}`)));
  const apiOf = (request: RequestInfo) =>
    Object.entries(URL_VARIABLE).find(([, variable]) => templateOf(request.url).variable === variable)?.[0] ?? request.api;
  const undocumentedRequests = requests.filter((request) => !used.has(`${apiOf(request)} ${request.name}`)).map((request) => `${request.api}: ${request.name}`);
  const covered = rows.filter((row) => row.covered).length;
  const explained = rows.filter((row) => !row.covered && row.reason).length;
  return { operations: rows.length, covered, explained, open: rows.length - covered - explained, undocumentedRequests: [...new Set(undocumentedRequests)] };
}

/** Named requests of every collection, and what the suites' files and fixtures show about them. */
export function readProject(root: string): { requests: RequestInfo[]; usage: Usage } {
  const requests = discoverCollections(root).flatMap(({ collection }) =>
    Object.values(collection.requests).map((named) => ({
      api: collection.api,
      name: named.name,
      method: named.method,
      url: named.url,
      responses: named.responses,
    })),
  );
  const usage: Usage = { mentioned: new Set(), recorded: new Map() };
  const suites = path.join(root, 'suites');
  for (const folder of existsSync(suites) ? readdirSync(suites, { withFileTypes: true }) : []) {
    if (!folder.isDirectory()) continue;
    const dir = path.join(suites, folder.name);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.ts') || file === 'collection.ts') continue;
      for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/'((?:GET|POST|PUT|DELETE|PATCH) [^'\n]+)'/g)) {
        usage.mentioned.add(`${folder.name} ${match[1]}`);
      }
    }
    const fixtures = path.join(dir, '__fixtures__');
    for (const file of existsSync(fixtures) ? readdirSync(fixtures) : []) {
      if (!file.endsWith('.json')) continue;
      const tests = (JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as { tests?: Record<string, RecordedExchange[]> }).tests ?? {};
      for (const exchange of Object.values(tests).flat()) {
        if (exchange.inbound) continue;
        const key = `${templateOf(exchange.request.url).variable ?? ''} ${exchange.name}`;
        usage.recorded.set(key, (usage.recorded.get(key) ?? new Set()).add(exchange.response.status));
      }
    }
  }
  return { requests, usage };
}

interface RecordedExchange {
  name: string;
  inbound?: boolean;
  request: { url: string };
  response: { status: number };
}

export function writeCoverage(root: string, reportsDir: string, generatedAt = new Date().toISOString()): CoverageTotals {
  const { requests, usage } = readProject(root);
  const rows = coverageRows(DOCUMENTED_OPERATIONS, requests, usage);
  const totals = coverageTotals(rows, requests);
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(path.join(reportsDir, 'coverage.json'), `${JSON.stringify({ generatedAt, totals, operations: rows }, null, 2)}\n`);
  writeFileSync(path.join(reportsDir, 'coverage.md'), renderCoverageMarkdown(rows, totals, generatedAt));
  return totals;
}
