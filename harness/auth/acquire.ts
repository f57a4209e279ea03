// Logs each configured user in once, before any test runs (jest global setup), by the grant the
// environment names in `auth_grant`: password (the default, as Mitel's Postman library does),
// client_credentials, or the OpenID Connect authorization-code flow with PKCE of Mitel's
// authentication sample (S-AUTH).
import type { Environment } from '../env';
import type { RecordedResponse } from '../client/exchange';
import type { NamedRequest } from '../client/named-request';
import { tokenRequests, type TokenRequestName } from './token-requests';
import { newPkceVerifier, pkceChallenge } from './pkce';
import { jwtExpiry, type TokenSet } from './token-store';
import { USER_VARIABLES, type UserKey } from './users';

/** Sends a token request with request-local variables: global setup sends through the pipeline (retries included). */
export type Send = (named: NamedRequest, vars: Record<string, string>) => Promise<RecordedResponse>;
export type Grant = 'password' | 'client_credentials' | 'authorization_code';
const GRANTS: readonly Grant[] = ['password', 'client_credentials', 'authorization_code'];

export class TokenAcquisitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenAcquisitionError';
  }
}

export function grantOf(env: Environment): Grant {
  const grant = (env.values.auth_grant || 'password') as Grant;
  if (!GRANTS.includes(grant)) {
    throw new TokenAcquisitionError(`Environment ${env.name}: auth_grant "${grant}" is not one of ${GRANTS.join(', ')}.`);
  }
  return grant;
}

/** The users this environment configures: the primary always, the second one when username2 is set. */
export function configuredUsers(env: Environment): UserKey[] {
  return env.values.username2 ? ['primary', 'second'] : ['primary'];
}

/** The variables a live run needs before it can log in, for assertComplete. */
export function credentialVariables(env: Environment): string[] {
  const grant = grantOf(env);
  const clientVars = grant === 'password' ? [] : ['client_id', ...(grant === 'client_credentials' ? ['client_secret'] : ['redirect_uri'])];
  const userVars = grant === 'client_credentials' ? [] : configuredUsers(env).flatMap((user) => [USER_VARIABLES[user].username, USER_VARIABLES[user].password]);
  return [...clientVars, ...userVars];
}

export async function acquireTokens(env: Environment, send: Send): Promise<Partial<Record<UserKey, TokenSet>>> {
  const grant = grantOf(env);
  const users = grant === 'client_credentials' ? (['primary'] as UserKey[]) : configuredUsers(env);
  // Side by side: each grant is a round trip to the platform (and its retries), and a run waits for
  // all of them before its first test. A failure is reported in the users' order, whatever came back first.
  const settled = await Promise.allSettled(users.map((user) => acquireFor(user, grant, env, send)));
  const tokens: Partial<Record<UserKey, TokenSet>> = {};
  settled.forEach((outcome, index) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    tokens[users[index] as UserKey] = outcome.value;
  });
  return tokens;
}

async function acquireFor(user: UserKey, grant: Grant, env: Environment, send: Send): Promise<TokenSet> {
  const vars = userVars(user);
  if (grant === 'password') return tokenFrom(await call('POST Token', vars, env, send, user), user);
  if (grant === 'client_credentials') return tokenFrom(await call('POST Client Credentials Token', {}, env, send, user), user);

  const verifier = newPkceVerifier();
  const challenge = pkceChallenge(verifier);
  const authorized = await call('POST Authorize', { ...vars, code_challenge: challenge }, env, send, user);
  const code = (authorized.body as { code?: unknown }).code;
  if (typeof code !== 'string') throw new TokenAcquisitionError(`POST Authorize for the ${user} user answered without a code.`);
  return tokenFrom(await call('POST Authorization Code Token', { code, code_verifier: verifier }, env, send, user), user);
}

/** Request-local variables that point "POST Token" at the given user's credentials. */
export function userVars(user: UserKey): Record<string, string> {
  const names = USER_VARIABLES[user];
  // The primary user's names are the request's own variables; mapping them to themselves would be a cycle.
  if (names.username === 'username') return {};
  return { username: `{{${names.username}}}`, password: `{{${names.password}}}` };
}

async function call(name: TokenRequestName, vars: Record<string, string>, env: Environment, send: Send, user: UserKey) {
  const response = await send({ name, ...tokenRequests[name] }, vars);
  // Every Authentication request used here answers 201 Created on success (AUTH-SPEC).
  if (response.status === 201) return response;
  const body = response.body as { name?: string; message?: string } | undefined;
  const answered = `${name} for the ${user} user against ${env.values.auth_url} answered ${response.status}${body?.name ? ` ${body.name}` : ''}${body?.message ? `: ${body.message}` : ''}.`;
  // Only a refusal of the request itself points at the credentials; anything else is the platform's news.
  const advice =
    response.status === 400 || response.status === 401
      ? 'Check the credentials in .env (see environments/.env.example) and that the URL belongs to the same region as the account.'
      : RETRIED.has(response.status)
        ? 'The platform kept refusing after every retry (retry_attempts); try again later or raise retry_attempts.'
        : `A token request should answer 201; ${response.status} is not an answer the harness can log in with.`;
  throw new TokenAcquisitionError(`${answered} ${advice}`);
}

const RETRIED = new Set([429, 502, 503, 504]);

/** Reads a token answer; exported for the refresh path, which gets the same body. */
export function tokenFrom(response: RecordedResponse, user: UserKey): TokenSet {
  const body = response.body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } | undefined;
  if (typeof body?.access_token !== 'string') {
    throw new TokenAcquisitionError(`The token answer for the ${user} user has no access_token.`);
  }
  const expiresIn = Number(body.expires_in);
  const expiresAt = jwtExpiry(body.access_token) ?? (Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined);
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    expiresAt,
  };
}
