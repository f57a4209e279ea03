// Runs independent commands side by side and prints each one's output whole, in the order given,
// once it is done: the checks of `npm test` (lint, formatting, cycles, type-check, stale types) are
// each bound to one core, and one after the other they took half a minute on a 2-core machine.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pc from 'picocolors';

export interface Check {
  /** What the summary calls it, e.g. "eslint". */
  name: string;
  /** The command line a user runs again to see it alone; run by the shell from the project root. */
  command: string;
  /** What is run in its place when that differs (./stages.ts: an npm script's own command line). */
  run?: string;
}

export interface CheckResult {
  name: string;
  command: string;
  code: number;
  output: string;
  seconds: number;
}

/** Starts one check with its stdout and stderr captured together, as a terminal would show them. */
export function runCheck(check: Check, cwd: string): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    // The project's own binaries first on the PATH, as npm puts them for a script.
    const PATH = [path.join(cwd, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(path.delimiter);
    const env = { ...process.env, PATH, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
    const child = spawn(check.run ?? check.command, { cwd, shell: true, env });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (code: number, extra = '') =>
      resolve({ ...check, code, output: Buffer.concat(chunks).toString('utf8') + extra, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => finish(1, `could not start: ${error.message}\n`));
    child.on('close', (code, signal) => finish(code ?? 1, signal ? `killed by ${signal}\n` : ''));
  });
}

/**
 * Runs every check at once, at most `concurrency` at a time, and writes each one's output as soon
 * as it and every check before it are done, so the log reads like a sequential run. Exit code:
 * 0 when all passed, else 1.
 */
export async function runChecks(
  checks: Check[],
  options: { cwd: string; concurrency: number; write: (text: string) => void; /** What the last line counts, "checks" by default. */ noun?: string },
): Promise<number> {
  const noun = options.noun ?? 'checks';
  const results: Promise<CheckResult>[] = [];
  const running = new Set<Promise<unknown>>();
  for (const check of checks) {
    while (running.size >= options.concurrency) await Promise.race(running);
    const result = runCheck(check, options.cwd);
    const tracked = result.finally(() => running.delete(tracked));
    running.add(tracked);
    results.push(result);
  }
  let failed = 0;
  for (const pending of results) {
    const result = await pending;
    const mark = result.code === 0 ? pc.green('✓') : pc.red('✗');
    options.write(`${mark} ${result.name} (${result.command}) ${result.seconds.toFixed(1)} s\n`);
    if (result.code !== 0) {
      failed += 1;
      options.write(indent(result.output || '(no output)\n'));
    }
  }
  options.write(failed === 0 ? `${noun}: ${checks.length} passed\n` : pc.red(`${noun}: ${failed} of ${checks.length} failed\n`));
  return failed === 0 ? 0 : 1;
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '    ');
}
