// The live and record half of global setup (global-setup.ts loads it only for those modes): start
// the embedded sandbox when it is the target, log every configured user in through the pipeline,
// and sweep what an interrupted earlier run against the same account left behind.
import { acquireTokens, credentialVariables } from '../auth/acquire';
import { TokenStore, type TokenSet } from '../auth/token-store';
import { tokenEnvNames, type UserKey } from '../auth/users';
import { sendFromSetup, type SendContext } from '../pipeline';
import { assertComplete, baseUrlsOf, envVariableName, loadEnvironment, type Environment } from '../env';
import { startSandbox, toPostmanEnvironment, type RunningSandbox } from '../../sandbox';
import { ledgerDir } from '../cleanup/ledger';
import { sweepLeftovers } from '../cleanup/sweep';
import { discoverCollections } from '../collections';
import { DRIFTS_VARIABLE, INVENTORY_HANDLE, SANDBOX_HANDLE } from './sandbox-handles';

export async function prepareLiveRun(loaded: Environment): Promise<void> {
  let env = loaded;
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
  const tokens = await grantTokens(context);
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

/** Every configured user's tokens. Grants go through the pipeline like any request: a 503 or 429 on POST Token is retried. */
export function grantTokens(context: SendContext): Promise<Partial<Record<UserKey, TokenSet>>> {
  return acquireTokens(context.env, (named, vars) => sendFromSetup({ named, options: { vars } }, context));
}

/** The context with every configured user logged in: what the tools (load, send) send with. */
export async function loggedIn(context: SendContext): Promise<SendContext & { tokens: TokenStore }> {
  return { ...context, tokens: new TokenStore(await grantTokens(context)) };
}

/** An environment (as loadEnvironment picks it) pointed at a running sandbox: its URLs and seeded users. */
export function sandboxContext(sandbox: RunningSandbox, options: { environment?: string; rootDir?: string }): SendContext {
  const processEnv = { ...process.env, ...sandboxVariables(sandbox) };
  const env = loadEnvironment({ mode: 'live', environment: options.environment, rootDir: options.rootDir, processEnv });
  return { env, baseUrls: baseUrlsOf(env) };
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
