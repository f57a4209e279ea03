// `npm run drift -- --env <target>`: runs the suites live, keeps every exchange (scrubbed, as a
// fixture would be) in a capture directory, and compares each with the recorded fixture of the
// same test — status, content type, the answer's shape, the live answer against its schema, and
// against what every recording of the same request showed (tools/drift/compare.ts). Writes reports/drift.md and reports/drift.json; only breaking drift
// fails. Values are never compared, so ids, timestamps and counts never show up as drift.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuites } from '../run/run';
import type { Exchange } from '../../harness/client/exchange';
import { readFixture } from '../../harness/fixtures/fixture-file';
import { discoverCollections } from '../../harness/collections';
import { CAPTURE_DIR_VARIABLE } from '../../harness/session';
import { RETRYABLE_STATUSES } from '../../harness/pipeline/retry-policy';
import { compareExchange, type DriftFinding } from './compare';
import { writeDriftHtml } from './html';
import { addEvidence, emptyEvidence, type Evidence } from './shape';

export type { DriftFinding } from './compare';

const TRANSIENT_STATUSES = new Set(RETRYABLE_STATUSES);

export interface DriftReport {
  environment: string;
  generatedAt: string;
  liveSuccess: boolean;
  exchanges: number;
  findings: DriftFinding[];
}

/**
 * The schema declared for a request's status. Names repeat across collections ("GET Participants"
 * is Media's and Conversations'), so the suite's own collection is asked first, then the others
 * (a suite may send another collection's request, as Admin sends Authentication's POST Token).
 */
export type SchemaLookup = (api: string, request: string, status: number) => string | undefined;

export function schemaLookup(root: string): SchemaLookup {
  const byApi = new Map<string, Map<string, Record<number, string>>>();
  for (const { collection } of discoverCollections(root)) {
    const requests = byApi.get(collection.api) ?? new Map<string, Record<number, string>>();
    for (const named of Object.values(collection.requests)) requests.set(named.name, named.responses);
    byApi.set(collection.api, requests);
  }
  return (api, request, status) => {
    const own = byApi.get(api)?.get(request);
    if (own) return own[status];
    for (const requests of byApi.values()) if (requests.has(request)) return requests.get(request)?.[status];
    return undefined;
  };
}

/** Where evidence is filed: the suite folder (names repeat across collections), request and status. */
const evidenceKey = (api: string, request: string, status: number) => `${api} ${status} ${request}`;

/** What every committed recording of each request answered, across all the suites' fixtures. */
export function recordedEvidence(root: string): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  const suites = path.join(root, 'suites');
  for (const file of listJson(suites)) {
    const relative = path.relative(suites, file).split(path.sep);
    if (relative[1] !== '__fixtures__') continue;
    for (const exchanges of Object.values(readFixture(file)?.tests ?? {})) {
      for (const exchange of exchanges) {
        if (exchange.inbound || typeof exchange.response.body !== 'object' || exchange.response.body === null) continue;
        const key = evidenceKey(relative[0] as string, exchange.name, exchange.response.status);
        out.set(key, addEvidence(out.get(key) ?? emptyEvidence(), exchange.response.body));
      }
    }
  }
  return out;
}

/**
 * Compares every captured fixture file under `captureDir` with the committed one it mirrors.
 * Exchanges are paired by test, request name and occurrence; inbound messages are left out.
 */
export function compareCaptures(captureDir: string, root: string, schemaFor: SchemaLookup): { exchanges: number; findings: DriftFinding[] } {
  const findings: DriftFinding[] = [];
  const evidence = recordedEvidence(root);
  let exchanges = 0;
  for (const captured of listJson(captureDir)) {
    const relative = path.relative(captureDir, captured);
    const live = readFixture(captured);
    const recorded = readFixture(path.join(root, relative));
    const file = relative.replace(/__fixtures__[/\\](.*)\.json$/, '$1.test.ts');
    for (const [test, sent] of Object.entries(live?.tests ?? {})) {
      const outbound = (list: Exchange[] | undefined) => (list ?? []).filter((exchange) => !exchange.inbound);
      const unpaired = outbound(recorded?.tests[test]);
      for (const exchange of outbound(sent)) {
        exchanges += 1;
        const status = exchange.response.status;
        // The first recording of the same request still unpaired — one with the same status first:
        // requests sent side by side (three GET Token at once) may be answered in another order.
        const same = unpaired.filter((each) => each.name === exchange.name);
        const before = same.find((each) => each.response.status === status) ?? same[0];
        // A busy platform's answer that the harness sent again (429, 502–504) is no change of
        // contract: the retry that follows is paired with the recording instead.
        if (TRANSIENT_STATUSES.has(status) && before?.response.status !== status) continue;
        if (before) unpaired.splice(unpaired.indexOf(before), 1);
        const api = file.split(/[/\\]/)[1] ?? '';
        findings.push(
          ...compareExchange({ file, test }, before, exchange, schemaFor(api, exchange.name, status), evidence.get(evidenceKey(api, exchange.name, status))),
        );
      }
    }
  }
  return { exchanges, findings };
}

export async function runDrift(environment: string, root = process.cwd(), reportsDir = 'reports'): Promise<DriftReport> {
  const captureDir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-drift-'));
  process.env[CAPTURE_DIR_VARIABLE] = captureDir;
  try {
    const outcome = await runSuites(
      { environment, mode: 'live', collections: [], bail: false, quiet: true, html: false, silent: true, reportsDir: path.join(reportsDir, 'drift-run') },
      root,
    );
    const { exchanges, findings } = compareCaptures(captureDir, root, schemaLookup(root));
    return { environment, generatedAt: new Date().toISOString(), liveSuccess: outcome.success, exchanges, findings };
  } finally {
    delete process.env[CAPTURE_DIR_VARIABLE];
    rmSync(captureDir, { recursive: true, force: true });
  }
}

export function renderDriftMarkdown(report: DriftReport): string {
  const breaking = report.findings.filter((finding) => finding.severity === 'breaking');
  const lines = [
    `# Contract drift: ${report.environment}`,
    '',
    `${report.generatedAt}: ${report.exchanges} live exchanges compared with the recorded fixtures and the schemas;`,
    `**${breaking.length} breaking**, ${report.findings.length - breaking.length} additive. The live run ${report.liveSuccess ? 'passed' : 'had failures'}.`,
    '',
  ];
  if (report.findings.length === 0) return `${lines.join('\n')}No drift.\n`;
  lines.push('| severity | change | request | url | where | recorded | live | test |', '|---|---|---|---|---|---|---|---|');
  const cell = (text: unknown) => (text === undefined ? '' : String(text).replace(/\|/g, '\\|').replace(/\n/g, ' '));
  const ordered = [...report.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'breaking' ? -1 : 1));
  for (const f of ordered) {
    lines.push(
      `| ${f.severity} | ${f.kind} | ${cell(f.request)} | ${cell(f.url)} | ${cell(f.path)} | ${cell(f.recorded)} | ${cell(f.live)} | ${cell(`${f.file}: ${f.test}`)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes drift.md and drift.json; answers whether any drift is breaking. */
export function writeDriftReport(report: DriftReport, reportsDir: string): boolean {
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(path.join(reportsDir, 'drift.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(reportsDir, 'drift.md'), renderDriftMarkdown(report));
  writeDriftHtml(report, reportsDir);
  return report.findings.some((finding) => finding.severity === 'breaking');
}

function listJson(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listJson(full) : entry.name.endsWith('.json') ? [full] : [];
  });
}
