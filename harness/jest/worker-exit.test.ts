// What lets a suites worker end within jest's 500 ms: the run's connections closed by teardown,
// and an idle worker exiting without disposing its heap (worker-exit.ts says why).
import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { closeTransport, sendHttp } from '../pipeline/transport';
import { exitPromptlyWhenIdle, isJestWorkerProcess, type ExitingProcess } from './worker-exit';

const WORKER_MAIN = path.join('/x', 'node_modules', 'jest-worker', 'build', 'processChild.js');
const TRACKED = ['TCPWRAP', 'TCPSERVERWRAP', 'Timeout'];

function fakeProcess(withIpc = true): ExitingProcess & { listeners: Array<() => void>; exits: number } {
  const fake = {
    listeners: [] as Array<() => void>,
    exits: 0,
    send: withIpc ? () => true : undefined,
    once: (_event: 'beforeExit', listener: () => void) => fake.listeners.push(listener),
    exit: () => {
      fake.exits += 1;
    },
  };
  return fake;
}

/**
 * The sockets, servers and timers `work` created (and what those created in turn) still open once
 * it is done; timers only while they hold the loop (Node's Date-header cache timer is unref'd).
 * Handles closed at the end are released in a later turn of the event loop, so a few turns are
 * allowed — never long enough to pass for a keep-alive timeout.
 */
async function leftoversOf(work: () => Promise<void>): Promise<string[]> {
  const ours = new AsyncLocalStorage<true>();
  const open = new Map<number, { type: string; resource: { hasRef?: () => boolean } }>();
  // A connection the server accepts is created outside any JS context; its trigger is the server.
  const descendants = new Set<number>();
  const hook = createHook({
    init: (id, type, trigger, resource) => {
      if (!ours.getStore() && !descendants.has(trigger)) return;
      descendants.add(id);
      if (TRACKED.includes(type)) open.set(id, { type, resource: resource as { hasRef?: () => boolean } });
    },
    destroy: (id) => open.delete(id),
  }).enable();
  const still = () => [...open.values()].filter(({ type, resource }) => type !== 'Timeout' || resource.hasRef?.() !== false).map(({ type }) => type);
  try {
    await ours.run(true, work);
    for (let turn = 0; turn < 20 && still().length > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    return still().sort();
  } finally {
    hook.disable();
    // An enabled storage stays in Node's list for the life of the process and makes every later
    // promise of this worker (the next test files') pay for async hooks: measured, seconds a run.
    ours.disable();
  }
}

function runNode(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // An IPC channel, as jest-worker gives its children; nothing listens on it, so it holds nothing open.
  const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: stdout.trim(), stderr }));
  });
}

describe('a jest worker exits once idle', () => {
  it('is recognised by the jest-worker child it runs as, with an IPC channel', () => {
    expect(isJestWorkerProcess(fakeProcess(), WORKER_MAIN)).toBe(true);
    expect(isJestWorkerProcess(fakeProcess(false), WORKER_MAIN)).toBe(false);
    expect(isJestWorkerProcess(fakeProcess(), '/x/scripts/run.ts')).toBe(false);
    expect(isJestWorkerProcess(fakeProcess(), undefined)).toBe(false);
  });

  it('exits when the loop empties, hooked once however often the environment loads', () => {
    const worker = fakeProcess();
    expect(exitPromptlyWhenIdle(worker, WORKER_MAIN)).toBe(true);
    expect(exitPromptlyWhenIdle(worker, WORKER_MAIN)).toBe(false);
    expect(worker.listeners).toHaveLength(1);
    expect(worker.exits).toBe(0);
    worker.listeners.forEach((listener) => listener());
    expect(worker.exits).toBe(1);
  });

  it('leaves a process that is not a jest worker alone: jest in band, the CLI after it', () => {
    const cli = fakeProcess();
    expect(exitPromptlyWhenIdle(cli, '/x/scripts/run.ts')).toBe(false);
    expect(cli.listeners).toHaveLength(0);
  });

  it('in a real child process: exits at beforeExit with the exit code set, before later listeners', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'worker-exit-'));
    try {
      const main = path.join(dir, 'jest-worker', 'build', 'processChild.js');
      mkdirSync(path.dirname(main), { recursive: true });
      writeFileSync(
        main,
        [
          `const { exitPromptlyWhenIdle } = require(${JSON.stringify(path.join(__dirname, 'worker-exit.ts'))});`,
          `console.log('hooked', exitPromptlyWhenIdle());`,
          `process.exitCode = 3;`,
          `process.on('beforeExit', () => console.log('disposing the heap after all'));`,
        ].join('\n'),
      );
      expect(await runNode(['-r', path.join(__dirname, '../../scripts/register.js'), main])).toEqual({ status: 3, stdout: 'hooked true', stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what a suites worker opens is closed by its teardown', () => {
  it('leaves no socket, server or timer behind after keep-alive requests to the embedded sandbox', async () => {
    const leftovers = await leftoversOf(async () => {
      const sandbox = await startSandbox();
      try {
        for (let i = 0; i < 2; i++) {
          const res = await sendHttp({ method: 'GET', url: `${sandbox.urls.chat_url}/conversations`, headers: {} }, { timeoutMs: 5_000 });
          expect(res.status).toBe(401);
        }
      } finally {
        closeTransport();
        await sandbox.close();
      }
    });
    expect(leftovers).toEqual([]);
  });

  it('would see a keep-alive connection left open', async () => {
    let sandbox: RunningSandbox | undefined;
    try {
      const leftovers = await leftoversOf(async () => {
        sandbox = await startSandbox();
        await sendHttp({ method: 'GET', url: `${sandbox.urls.chat_url}/conversations`, headers: {} });
      });
      // The sandbox's server, its end of the connection and the agent's.
      expect(leftovers).toEqual(['TCPSERVERWRAP', 'TCPWRAP', 'TCPWRAP']);
    } finally {
      closeTransport();
      await sandbox?.close();
    }
  });
});
