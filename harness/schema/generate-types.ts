// `npm run generate` and `npm run types:check`: keeps types/ equal to what the schemas generate.
// types/ holds generated files only, so anything there that the schemas do not produce is an orphan.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compareIds, REPO_ROOT } from './files';
import { BANNER_PREFIX, GENERATE_COMMAND, renderTypes } from './render-types';

export { GENERATE_COMMAND } from './render-types';

export interface TypesReport {
  /** Generated files whose content differs from what the schemas produce. */
  stale: string[];
  /** Files the schemas produce that do not exist. */
  missing: string[];
  /** .ts files under types/ that no schema produces. */
  orphaned: string[];
  /** Files written (write mode only). */
  written: string[];
  /** Orphans deleted (write mode only; only files that carry the generated banner). */
  removed: string[];
  /** Files already current. */
  current: string[];
}

/** Compares types/ with the schemas without touching anything. Paths are relative to `root`. */
export async function checkTypes(root: string = REPO_ROOT): Promise<TypesReport> {
  return compare(root, await renderTypes(root));
}

function compare(root: string, expected: Map<string, string>): TypesReport {
  const present = listTypeFiles(root);
  const report: TypesReport = { stale: [], missing: [], orphaned: [], written: [], removed: [], current: [] };
  for (const [path, content] of expected) {
    if (!present.includes(path)) report.missing.push(path);
    else if (readFileSync(join(root, path), 'utf8') !== content) report.stale.push(path);
    else report.current.push(path);
  }
  report.orphaned = present.filter((path) => !expected.has(path));
  return report;
}

/**
 * Writes every stale or missing file and deletes generated orphans. An orphan without the banner was
 * written by hand: it is left in place and stays in `orphaned`, for a person to move.
 */
export async function writeTypes(root: string = REPO_ROOT): Promise<TypesReport> {
  const expected = await renderTypes(root);
  const report = compare(root, expected);
  for (const path of [...report.stale, ...report.missing].sort(compareIds)) {
    const content = expected.get(path);
    if (content === undefined) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    report.written.push(path);
  }
  report.stale = [];
  report.missing = [];
  const kept: string[] = [];
  for (const path of report.orphaned) {
    if (readFileSync(join(root, path), 'utf8').startsWith(BANNER_PREFIX)) {
      rmSync(join(root, path));
      report.removed.push(path);
    } else kept.push(path);
  }
  report.orphaned = kept;
  return report;
}

/** True when types/ needs no change. */
export function isClean(report: TypesReport): boolean {
  return report.stale.length + report.missing.length + report.orphaned.length === 0;
}

/** Human-readable lines for a report; `check` says what is wrong, write mode what was done. */
export function describeReport(report: TypesReport, mode: 'check' | 'write'): string[] {
  const lines: string[] = [];
  const list = (label: string, paths: string[]) => paths.forEach((path) => lines.push(`  ${label} ${path}`));
  if (mode === 'write') {
    list('wrote  ', report.written);
    list('removed', report.removed);
    list('orphan (not generated, move it out of types/):', report.orphaned);
    lines.push(`types/: ${report.written.length} written, ${report.removed.length} removed, ${report.current.length} current.`);
    return lines;
  }
  if (isClean(report)) return [`types/ is current (${report.current.length} files).`];
  list('stale   ', report.stale);
  list('missing ', report.missing);
  list('orphaned', report.orphaned);
  lines.unshift('types/ does not match schemas/:');
  lines.push(`Fix: run \`${GENERATE_COMMAND}\` and commit the result.`);
  return lines;
}

function listTypeFiles(root: string): string[] {
  const base = join(root, 'types');
  if (!existsSync(base)) return [];
  const out: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile() && entry.name.endsWith('.ts')) out.push(`${prefix}${entry.name}`);
    }
  };
  visit(base, 'types/');
  return out.sort(compareIds);
}
