// The processes a rehearsal drives, each started the way a user starts it: the sandbox on its own
// (`npm run sandbox -- --environment-out f.json`), and the harness's own command lines. Output goes
// to a log file per process, so a failure can be read afterwards without flooding the terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCRIPTS_LOADER } from '../cli/scripts-loader';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  log: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Finished>;
  /** kill -9 the process and everything it started (jest's workers). */
  killHard(): void;
}

/** Runs `scripts/<script>.ts` with its arguments in its own process group, logging to `log`. */
export function startScript(script: string, args: readonly string[], log: string, env: NodeJS.ProcessEnv = {}): Started {
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ['-r', SCRIPTS_LOADER, path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const done = new Promise<Finished>((resolve) => {
    child.once('exit', (code, signal) => {
      out.end(() => resolve({ code, signal, log }));
    });
  });
  return {
    child,
    done,
    killHard: () => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

export async function runScript(script: string, args: readonly string[], log: string, env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return startScript(script, args, log, env).done;
}

/** A live run of the suites against `environmentFile`, as the nightly starts it: reports in `dir/name`, output in `dir/name.log`. */
export function startLiveRun(environmentFile: string, dir: string, name: string, extra: readonly string[] = []): Started {
  const args = ['-e', environmentFile, '--mode', 'live', '--quiet', '--no-html', '--reports', path.join(dir, name), ...extra];
  return startScript('run', args, path.join(dir, `${name}.log`));
}

export interface ExternalSandbox {
  /** The Postman environment it wrote, as `npm run sandbox -- --environment-out` writes it. */
  environmentFile: string;
  stop(): Promise<void>;
}

/** Starts `npm run sandbox` as its own process and waits until it has written its environment file. */
export async function startExternalSandbox(environmentFile: string, flags: readonly string[], log: string): Promise<ExternalSandbox> {
  const sandbox = startScript('sandbox', ['--environment-out', environmentFile, ...flags], log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (existsSync(environmentFile) && /Postman environment written/.test(readFileSync(log, 'utf8'))) break;
    const exited = await Promise.race([sandbox.done, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100))]);
    if (exited) throw new Error(`The sandbox exited before it was ready (code ${exited.code}); see ${log}.`);
    if (Date.now() > deadline) {
      sandbox.killHard();
      throw new Error(`The sandbox did not start within 60 s; see ${log}.`);
    }
  }
  return {
    environmentFile,
    stop: async () => {
      if (sandbox.child.exitCode === null) sandbox.child.kill('SIGTERM');
      await sandbox.done;
    },
  };
}
