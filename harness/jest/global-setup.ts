// jest global setup for the suites. Live and record runs need a target and tokens: when the
// environment's target is the embedded sandbox it is started here, and every configured user logs
// in once (live-setup.ts). Results reach the workers through process.env (jest forks them after
// this runs), using the same CLOUDLINK_<VARIABLE> names a user would put in .env, so the workers'
// one environment loader picks them up with no second path. Replay needs neither.
import { loadEnvironment } from '../env';
import { resultsDirOf, setAsideResults } from '../report/fresh-results';
import { JEST_PARENT_VARIABLE } from '../report/recycled-files';

export default async function globalSetup(_global?: unknown, project?: { testEnvironmentOptions?: { resultsDir?: unknown } }): Promise<void> {
  const resultsDir = resultsDirOf(project);
  // Global teardown tidies what the workers did not reuse (harness/report/fresh-results.ts).
  if (resultsDir) setAsideResults(resultsDir);
  // Tests that run in this process, in band, write their results alone (harness/report/recycled-files.js).
  process.env[JEST_PARENT_VARIABLE] = String(process.pid);
  const env = loadEnvironment();
  if (env.mode === 'replay') return;
  // Loaded only here: the sandbox, the pipeline and the sweep are most of a second of module
  // loading that a replay run, which sends nothing, would otherwise pay before its first test.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const { prepareLiveRun } = require('./live-setup') as typeof import('./live-setup');
  await prepareLiveRun(env);
}
