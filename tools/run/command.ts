// `npm start`: Newman's run options around runSuites. --env-var, the --timeout… flags and each
// --iteration-data row reach the environment as CLOUDLINK_<VARIABLE> overrides in this process
// (the one loader reads them, in jest's workers too); one jest run per iteration, each with its own
// reports directory when there are several, and the counts summed at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envVariableName, EnvironmentError, loadEnvironment, REQUEST_DELAY_VARIABLE, TLS_INSECURE_VARIABLE, type Environment } from '../../harness/env';
import { REPORTS_DIR_VARIABLE } from '../../harness/report/render';
import { didYouMean } from '../../harness/user-error';
import { readIterationData, type DataRow } from './iteration-data';
import { UsageError, type CommandOptions } from './options';
import { checkOutputFile } from './preflight';
import { runSuites, type RunOutcome } from './run';

export async function runCommand(options: CommandOptions, root = process.cwd()): Promise<number> {
  applyColor(options.color);
  const rows = options.iterationData === undefined ? undefined : readIterationData(options.iterationData);
  if (options.exportEnvironment !== undefined) checkOutputFile(options.exportEnvironment, '--export-environment');
  const iterations = options.iterationCount ?? rows?.length ?? 1;
  const baseReports = path.resolve(root, options.reportsDir ?? process.env[REPORTS_DIR_VARIABLE] ?? 'reports');

  const outcomes: RunOutcome[] = [];
  for (let i = 0; i < iterations; i++) {
    // Postman repeats the last row when asked for more iterations than the file has.
    const row = rows ? rows[Math.min(i, rows.length - 1)] : undefined;
    const last = i === iterations - 1;
    const outcome = await withOverrides(overridesFor(options, row), async () => {
      checkKeys(options, row, i);
      if (iterations > 1 && !options.silent) process.stdout.write(`\nIteration ${i + 1}/${iterations}\n`);
      const reportsDir = iterations > 1 ? path.join(baseReports, `iteration-${i + 1}`) : baseReports;
      const result = await runSuites({ ...options, reportsDir }, root);
      if (last && options.exportEnvironment !== undefined) exportEnvironment(options, options.exportEnvironment);
      return result;
    });
    outcomes.push(outcome);
  }
  if (iterations > 1) summariseIterations(outcomes, baseReports, options.silent === true);
  const success = outcomes.every((outcome) => outcome.success);
  return success || options.suppressExitCode ? 0 : 1;
}

function overridesFor(options: CommandOptions, row: DataRow | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of [...options.envVars, ...Object.entries(row ?? {})]) out[envVariableName(key)] = value;
  if (options.delayRequestMs !== undefined) out[REQUEST_DELAY_VARIABLE] = String(options.delayRequestMs);
  if (options.insecure) out[TLS_INSECURE_VARIABLE] = '1';
  // The progress reporter prints every exchange in full (harness/report).
  if (options.verbose) out.CLOUDLINK_VERBOSE = '1';
  return out;
}

/**
 * Each --env-var key and data column must be a variable of the environment: the loader ignores
 * process-environment names it does not know, so a typo would otherwise change nothing, silently.
 */
function checkKeys(options: CommandOptions, row: DataRow | undefined, index: number): void {
  let env: Environment;
  try {
    env = loadEnvironment({ environment: options.environment, mode: options.mode });
  } catch (error) {
    if (error instanceof EnvironmentError && (options.envVars.length || row)) {
      error.message +=
        '\n  (--env-var, --timeout-request, --timeout and --iteration-data values reach the environment as CLOUDLINK_<NAME> in the process environment)';
    }
    throw error;
  }
  const known = Object.keys(env.values);
  for (const [key] of options.envVars) {
    if (!known.includes(key)) throw new UsageError(`--env-var ${key}: the environment "${env.name}" has no variable "${key}".${didYouMean(key, known)}`);
  }
  for (const key of Object.keys(row ?? {})) {
    if (!known.includes(key)) {
      throw new UsageError(
        `--iteration-data ${options.iterationData}, row ${index + 1}: column "${key}" is no variable of the environment "${env.name}".${didYouMean(key, known)}`,
      );
    }
  }
}

async function withOverrides<T>(overrides: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, overrides);
  try {
    return await work();
  } finally {
    // Global setup writes the sandbox's URLs and the tokens here too: each iteration starts clean.
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

function applyColor(color: CommandOptions['color']): void {
  if (color === 'on') process.env.FORCE_COLOR = '1';
  if (color === 'off') Object.assign(process.env, { FORCE_COLOR: '0', NO_COLOR: '1' });
}

/**
 * Newman's --export-environment writes the environment as the run left it. Ours is the resolved
 * one (file, .env, overrides), as a Postman environment; secret values (passwords, tokens, client
 * secrets) are written blank with type "secret", so the file can be shared and imported safely.
 */
function exportEnvironment(options: CommandOptions, file: string): void {
  // Replay swaps the URLs for its fake origin; the export shows the real ones.
  const env = loadEnvironment({ environment: options.environment, mode: options.mode === 'replay' ? 'live' : options.mode });
  const values = Object.entries(env.values).map(([key, value]) => {
    const secret = env.secretKeys.includes(key);
    return { key, value: secret ? '' : value, type: secret ? 'secret' : 'default', enabled: true };
  });
  const document = { name: env.name, values, _postman_variable_scope: 'environment', _postman_exported_using: 'cloudlink-harness' };
  writeFileSync(path.resolve(file), `${JSON.stringify(document, null, 2)}\n`);
  if (!options.silent) process.stdout.write(`Environment written to ${file} (secret values blank).\n`);
}

function summariseIterations(outcomes: RunOutcome[], reports: string, silent: boolean): void {
  const sum = (pick: (outcome: RunOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  const totals = { passed: sum((o) => o.tests.passed), failed: sum((o) => o.tests.failed), skipped: sum((o) => o.tests.skipped) };
  const failedIterations = outcomes.map((o, i) => (o.success ? 0 : i + 1)).filter(Boolean);
  mkdirSync(reports, { recursive: true });
  const perIteration = outcomes.map((o, i) => ({ iteration: i + 1, reports: `iteration-${i + 1}`, success: o.success, tests: o.tests }));
  writeFileSync(path.join(reports, 'iterations.json'), `${JSON.stringify({ iterations: outcomes.length, totals, perIteration }, null, 2)}\n`);
  if (silent) return;
  process.stdout.write(
    `\n${outcomes.length} iterations: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped in all` +
      `${failedIterations.length ? `; failures in iteration ${failedIterations.join(', ')}` : ''}. Reports per iteration under ${shown(reports)}/iteration-<n>/.\n`,
  );
}

function shown(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === '' ? '.' : relative.startsWith('..') ? dir : relative;
}
