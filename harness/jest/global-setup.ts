// jest global setup for the suites. Live and record runs need a target and tokens: when the
// environment's target is the embedded sandbox it is started here, and every configured user logs
// in once. Results reach the workers through process.env (jest forks them after this runs), using
// the same CLOUDLINK_<VARIABLE> names a user would put in .env, so the workers' one environment
// loader picks them up with no second path. Replay needs neither.
import { acquireTokens, credentialVariables } from '../auth/acquire';
import { TokenStore, type TokenSet } from '../auth/token-store';
import { tokenEnvNames, type UserKey } from '../auth/users';
import { sendFromSetup } from '../pipeline';
import { assertComplete, baseUrlsOf, envVariableName, loadEnvironment } from '../env';
import { startSandbox, toPostmanEnvironment, type RunningSandbox } from '../../sandbox';
import { ledgerDir } from '../cleanup/ledger';
import { sweepLeftovers } from '../cleanup/sweep';
import { discoverCollections } from '../collections';
import { freshResultsDir } from '../report/fresh-results';

/** Comma list of drift ids (sandbox/switchboard/drift-catalogue.ts) switched on from the start. */
export const DRIFTS_VARIABLE = 'CLOUDLINK_SANDBOX_DRIFTS';
export const SANDBOX_HANDLE = '__cloudlinkSandbox';
/** What the sandbox held before any suite ran; global teardown compares (globalSetup and globalTeardown share one process). */
export const INVENTORY_HANDLE = '__cloudlinkSandboxInventory';

export default async function globalSetup(_global?: unknown, project?: { testEnvironmentOptions?: { resultsDir?: unknown } }): Promise<void> {
  const resultsDir = project?.testEnvironmentOptions?.resultsDir;
  // Old results still on disk after a failed delete are set aside again and retried next run.
  if (typeof resultsDir === 'string' && resultsDir !== '') void freshResultsDir(resultsDir).catch(() => undefined);
  let env = loadEnvironment();
  if (env.mode === 'replay') return;

  if (env.target === 'sandbox') {
    // `npm run mutation` starts the sandbox with one contract drift on, to prove the suites catch it.
    const drifts = (process.env[DRIFTS_VARIABLE] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const sandbox = await startSandbox(drifts.length > 0 ? { switchboard: { drifts } } : {});
    (globalThis as Record<string, unknown>)[SANDBOX_HANDLE] = sandbox;
    (globalThis as Record<string, unknown>)[INVENTORY_HANDLE] = sandbox.inventory();
    Object.assign(process.env, sandboxVariables(sandbox));
    env = loadEnvironment();
  }

  assertComplete(env, [...env.urlKeys, ...credentialVariables(env)], `${env.mode} run against ${env.name}`);
  const context = { env, baseUrls: baseUrlsOf(env) };
  // Grants go through the pipeline like any request: a 503 or 429 on POST Token is retried.
  const tokens = await acquireTokens(env, (named, vars) => sendFromSetup({ named, options: { vars } }, context));
  for (const [user, set] of Object.entries(tokens) as [UserKey, TokenSet][]) {
    const names = tokenEnvNames(user);
    process.env[names.access] = set.accessToken;
    if (set.refreshToken) process.env[names.refresh] = set.refreshToken;
  }

  // What an interrupted earlier run against this account left behind goes before anything else.
  const ledger = ledgerDir(env);
  if (ledger) {
    const collections = discoverCollections().map((entry) => entry.collection);
    const swept = await sweepLeftovers(ledger, collections, { ...context, tokens: new TokenStore(tokens) });
    if (swept.removed.length) process.stdout.write(`Removed ${swept.removed.length} leftover(s) of an interrupted run:\n  ${swept.removed.join('\n  ')}\n`);
    if (swept.failed.length)
      process.stderr.write(`Could not remove ${swept.failed.length} leftover(s) (kept for the next run):\n  ${swept.failed.join('\n  ')}\n`);
  }
}

/**
 * The running sandbox's URLs and seeded credentials, as environment overrides: the same variables
 * `npm run sandbox -- --environment-out` writes for Postman users, less x-mitel-app (the harness
 * names itself with the environment file's) and the tokens, which token setup fills in.
 */
export function sandboxVariables(sandbox: RunningSandbox): Record<string, string> {
  const keep = ({ key, value }: { key: string; value: string }) => value !== '' && key !== 'x-mitel-app';
  return Object.fromEntries(
    toPostmanEnvironment(sandbox)
      .values.filter(keep)
      .map(({ key, value }) => [envVariableName(key), value]),
  );
}
