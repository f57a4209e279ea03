// Why runs through the CLI printed "A worker process has failed to exit gracefully": no handle
// leaks. When jest ends a worker it removes the worker's IPC listener and allows it 500 ms
// (jest-worker's fixed FORCE_EXIT_DELAY) to exit before it sends SIGTERM and prints that warning.
// Traced with async_hooks and strace, every worker's event loop was empty and its 'exit' event
// fired within a few ms of the end message (only jest's own pipes were open); what took the
// time came after: Node disposing the V8 heap of a 250–330 MB worker page by page, 120–620 ms on
// this shared 2-core machine depending on its load. (The one Timeout seen after each file's
// afterAll is jest-circus's timer for that afterAll itself.) process.exit() ends the process
// without that disposal. It is called only once the loop has emptied, so nothing pending is cut
// short, and a real leak — a timer, a socket — still keeps the loop busy and still gets the warning.
import path from 'node:path';

/** What of a process the exit hook touches; the real one in use, a stand-in in tests. */
export interface ExitingProcess {
  send?: unknown;
  once(event: 'beforeExit', listener: () => void): unknown;
  exit(): never | void;
}

const WORKER_MAIN = path.join('jest-worker', 'build', 'processChild.js');
const hooked = new WeakSet<ExitingProcess>();

/**
 * True in a child process jest-worker forked to run test files: not jest's own process (a run in
 * band, where the CLI has work left after jest), not a worker thread.
 */
export function isJestWorkerProcess(proc: ExitingProcess, mainFile: string | undefined): boolean {
  return typeof proc.send === 'function' && mainFile !== undefined && mainFile.endsWith(WORKER_MAIN);
}

/**
 * In a jest worker process, exit as soon as the event loop is empty, which there happens only
 * after jest's end message (until then the IPC listener keeps the loop alive). Returns whether
 * the hook was installed; installs it once per process.
 */
export function exitPromptlyWhenIdle(proc: ExitingProcess = process, mainFile: string | undefined = require.main?.filename): boolean {
  if (hooked.has(proc) || !isJestWorkerProcess(proc, mainFile)) return false;
  hooked.add(proc);
  // No code argument: process.exitCode, whatever the worker set, stays the exit status.
  proc.once('beforeExit', () => proc.exit());
  return true;
}
