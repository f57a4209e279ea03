// For the harness's own tests that run a child jest on files they write (the suites' environment,
// failure masking, the code-caching runtime): one way to start it and read what it printed.
import { spawnSync } from 'node:child_process';

/** jest's transform of the project's TypeScript (jest.config.ts), for a child's configuration. */
export const SWC_TRANSFORM = { '^.+\\.ts$': [require.resolve('./swc-transform.js'), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] };

export interface ChildJestOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Modules node loads first (`-r`), e.g. the scripts' TypeScript loader, as the CLI runs jest. */
  preload?: string[];
  /** More of jest's flags, e.g. --runInBand. */
  args?: string[];
}

export interface ChildJestRun {
  status: number | null;
  /** stdout, then stderr. */
  output: string;
}

/** Runs jest with `config` (its --config, as JSON) and waits for it to end. */
export function runChildJest(config: Record<string, unknown>, options: ChildJestOptions): ChildJestRun {
  const preload = (options.preload ?? []).flatMap((file) => ['-r', file]);
  const args = [...preload, require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--ci=false', ...(options.args ?? [])];
  const child = spawnSync(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}
