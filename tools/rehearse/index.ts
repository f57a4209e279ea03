// `npm run rehearse`: the nightly against a real account, rehearsed on this machine. A sandbox is
// started as its own process and an environment file is written for it holding only what a real
// account's would — no `target`, no switchboard, read_only=false — so the suites meet it exactly as
// they meet CloudLink. Then:
//   quiet      the nightly, N times in a row: green every time, nothing left behind;
//   bad night  the sandbox restarted with a profile of transient trouble (503s, 502s, 429s with
//              both Retry-After forms, latency spikes, tokens that die early, a 503 on the first
//              POST Token): the run completes, retried tests are marked flaky, nothing fails;
//   kill -9    live runs killed at several moments, and once per kind of create while the sandbox
//              holds its answer, then one full run: the sandbox's inventory equals the one before
//              the first run.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { switchboardClient, type SwitchboardClient } from '../../sandbox/switchboard/client';
import { differences, killCycle, type KillCycleFigures } from './kill-cycle';
import { nightPassed, rehearseNight, type NightFigures } from './night';
import { startExternalSandbox } from './processes';
import { BAD_NIGHT_FLAGS } from './profiles';

export interface RehearsalOptions {
  /** Quiet nights in a row. */
  nights: number;
  badNight: boolean;
  /** Seconds after the start at which killed runs die; empty: no kill cycle. */
  killAt: number[];
  /** Where logs, reports and the environment files go. */
  dir: string;
}

export interface RehearsalFigures {
  quiet: Array<NightFigures & { leftovers: string[] }>;
  badNight?: NightFigures & { leftovers: string[] };
  kills?: KillCycleFigures;
}

/** The ledger lives under the environment's name: a stable one, so a killed run's undos are found. */
const ENVIRONMENT_NAME = 'rehearsal';

export async function rehearse(options: RehearsalOptions, progress: (line: string) => void): Promise<RehearsalFigures> {
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const figures: RehearsalFigures = { quiet: [] };

  await withSandbox(options.dir, 'quiet', [], async (board, environmentFile) => {
    const inventory = () => board.inventory();
    const before = await inventory();
    for (let night = 1; night <= options.nights; night++) {
      progress(`quiet night ${night}/${options.nights} …`);
      const result = await rehearseNight(environmentFile, path.join(options.dir, `quiet-${night}`));
      figures.quiet.push({ ...result, leftovers: differences(before, await inventory()) });
      progress(`  ${summary(figures.quiet[figures.quiet.length - 1]!)}`);
    }
    if (options.killAt.length) {
      progress(`kill -9 at ${options.killAt.join(', ')} s, then a full run …`);
      figures.kills = await killCycle(environmentFile, path.join(options.dir, 'kills'), options.killAt, board);
      const { killedMidRun, killedAt, midCreate, leftoversBeforeSweep, leftoversAfterSweep, fullRunCode } = figures.kills;
      progress(`  ${killedMidRun} of ${killedAt.length} runs killed mid-run`);
      for (const kill of midCreate) {
        progress(
          `  killed while ${kill.label} was answered: ${kill.reached ? `left ${kill.left.join('; ') || 'nothing'}` : 'NOT REACHED (the run sent none)'}`,
        );
      }
      progress(`  left before the sweep: ${leftoversBeforeSweep.join('; ') || 'nothing'}`);
      progress(`  after a full run (exit ${fullRunCode}): ${leftoversAfterSweep.join('; ') || 'nothing left'}`);
    }
  });

  if (options.badNight) {
    await withSandbox(options.dir, 'bad-night', BAD_NIGHT_FLAGS, async (board, environmentFile) => {
      progress('bad night …');
      const inventory = () => board.inventory();
      const before = await inventory();
      const result = await rehearseNight(environmentFile, path.join(options.dir, 'bad-night'));
      figures.badNight = { ...result, leftovers: differences(before, await inventory()) };
      progress(`  ${summary(figures.badNight)}`);
    });
  }
  return figures;
}

export function rehearsalPassed(figures: RehearsalFigures): boolean {
  const nights = [...figures.quiet, ...(figures.badNight ? [figures.badNight] : [])];
  const { kills } = figures;
  const killsOk = !kills || (kills.leftoversAfterSweep.length === 0 && kills.fullRunCode === 0 && kills.midCreate.every((kill) => kill.reached));
  return nights.every((night) => nightPassed(night) && night.leftovers.length === 0) && killsOk;
}

export function summary(night: NightFigures & { leftovers: string[] }): string {
  const problems = night.problems.length ? `; ${night.problems.join('; ')}` : '';
  return `${night.tests} tests, ${night.failures} failed, ${night.skipped} skipped, ${night.flaky} flaky; left behind: ${night.leftovers.join('; ') || 'nothing'}${problems}`;
}

async function withSandbox(
  dir: string,
  label: string,
  flags: readonly string[],
  body: (board: SwitchboardClient, environmentFile: string) => Promise<void>,
): Promise<void> {
  const written = path.join(dir, `${label}-sandbox.postman_environment.json`);
  const sandbox = await startExternalSandbox(written, flags, path.join(dir, `${label}-sandbox.log`));
  try {
    const { environmentFile, switchboard } = accountLikeEnvironment(written, path.join(dir, label));
    await body(switchboardClient(switchboard), environmentFile);
  } finally {
    await sandbox.stop();
  }
}

interface PostmanFile {
  name?: string;
  values: Array<{ key: string; value: string; type?: string; enabled?: boolean }>;
}

/**
 * What a real account's environment holds, from what the sandbox wrote: URLs, credentials,
 * x-mitel-app. No switchboard (a real account has none: the tests that need one are skipped, as
 * on the nightly), and settings a nightly team would choose for a bumpy night.
 */
function accountLikeEnvironment(written: string, dir: string): { environmentFile: string; switchboard: { url: string; key: string } } {
  const source = JSON.parse(readFileSync(written, 'utf8')) as PostmanFile;
  const value = (key: string) => source.values.find((entry) => entry.key === key)?.value ?? '';
  const switchboard = { url: value('switchboard_address'), key: value('switchboard_key') };
  const values = source.values.filter((entry) => !entry.key.startsWith('switchboard_') && entry.key !== 'target');
  const settings: Record<string, string> = { read_only: 'false', retry_attempts: '6', retry_base_ms: '100', retry_max_ms: '3000' };
  for (const [key, setting] of Object.entries(settings)) values.push({ key, value: setting, type: 'default', enabled: true });
  mkdirSync(dir, { recursive: true });
  const environmentFile = path.join(dir, `${ENVIRONMENT_NAME}.postman_environment.json`);
  writeFileSync(environmentFile, `${JSON.stringify({ ...source, name: 'CloudLink rehearsal account', values }, null, 2)}\n`);
  return { environmentFile, switchboard };
}
