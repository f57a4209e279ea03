// The OAuth 2.0 grants of POST /token (AUTH-SPEC createToken and its description). Each turns
// the request's fields into a token pair or throws the documented error.
import type { FastifyRequest } from 'fastify';
import { badRequest, forbidden, unauthorized } from '../../platform/errors';
import { verifyJwt } from '../../platform/jwt';
import { optionalField, requireFields, type Fields } from '../../platform/request-fields';
import { findAccount, findUser, nowSeconds, type SandboxState } from '../../state';
import { redeemAuthCode, s256Challenge } from './auth-codes';
import { authenticateClient, clientCredentialsOf } from './client-auth';
import { assertActive, resolveLogin } from './login';
import { issueTokens, resolveScope, type TokenResponse } from './token-issuer';

export type Grant = (state: SandboxState, request: FastifyRequest, fields: Fields) => TokenResponse;

const password: Grant = (state, _request, fields) => {
  const { username, password: secret } = requireFields(fields, ['username', 'password']);
  const scope = resolveScope(optionalField(fields, 'scope'));
  const login = resolveLogin(state, { username, password: secret, accountId: optionalField(fields, 'account_id') });
  return issueTokens(state, { kind: 'user', ...login }, scope);
};

const invalidRefresh = (why: string) => unauthorized('InvalidLoginCredentials', `The refresh token ${why}.`);

/**
 * `refresh_token`, or the deprecated `token` field SWIFT [3P] and NG-TEST [3P] still send
 * (AUTH-SPEC). CHOICE on rotation (undocumented): every refresh returns a new
 * refresh token, and the old one stays valid until its own expiry, so parallel test workers
 * sharing one refresh token do not lock each other out.
 */
const refreshToken: Grant = (state, _request, fields) => {
  const token = optionalField(fields, 'refresh_token') ?? optionalField(fields, 'token');
  if (!token) throw badRequest('MissingParameters', 'Missing required parameter(s): refresh_token.');
  const scope = resolveScope(optionalField(fields, 'scope'));

  const verified = verifyJwt(token, state.signingKey, nowSeconds(state));
  if (!verified.ok) throw invalidRefresh(verified.reason === 'expired' ? 'has expired' : 'is not valid');
  const { claims } = verified;
  // An access token has no `type`/`authProvider` (S-AUTH README tokens): it cannot refresh.
  if (claims.authProvider !== 'cloudlink' || typeof claims.id !== 'string') throw invalidRefresh('is not a refresh token');

  if (claims.type === 'user') {
    const user = findUser(state, claims.id);
    const account = user && findAccount(state, user.accountId);
    if (!user || !account) throw invalidRefresh('belongs to no known user');
    // "During refresh, the platform checks that the account and user are still active" → 403.
    assertActive(user, account);
    return issueTokens(state, { kind: 'user', user, account }, scope);
  }
  if (claims.type === 'client') {
    const application = state.applications.get(claims.id);
    const account = application && findAccount(state, application.accountId);
    if (!application || !account) throw invalidRefresh('belongs to no known client');
    if (!application.active) throw unauthorized('ClientNotActive', 'The client application is not active.');
    return issueTokens(state, { kind: 'client', application, account }, scope);
  }
  throw invalidRefresh('is not a refresh token');
};

/** AUTH-SPEC: client_credentials fields that would mint an anonymous user token. */
const ANONYMOUS_USER_FIELDS = [
  'principalId',
  'uniqueUserId',
  'userId',
  'name',
  'role',
  'email',
  'emailVerified',
  'phone',
  'phoneVerified',
  'mobile',
  'mobileVerified',
  'extension',
  'extensionVerified',
  'photoUrl',
  'profileHeaderUrl',
  'languageCode',
  'loginId',
  'siteId',
];

const clientCredentials: Grant = (state, request, fields) => {
  const application = authenticateClient(state, clientCredentialsOf(request, fields));
  const anonymous = ANONYMOUS_USER_FIELDS.filter((name) => optionalField(fields, name) !== undefined);
  if (anonymous.length > 0) {
    // CHOICE: anonymous user tokens are not modelled yet; say so loudly rather than ignore them.
    throw badRequest('InvalidPrincipals', `The sandbox does not model anonymous user tokens (${anonymous.join(', ')}).`);
  }
  const account = findAccount(state, application.accountId);
  if (!account) throw unauthorized('ClientSecretMismatch', 'The client id or secret is incorrect.');
  // "the platform checks that the client and account are active" (AUTH-SPEC); 403 as for users.
  if (!account.active) throw forbidden('InactiveAccount', 'The account is not active.');
  return issueTokens(state, { kind: 'client', application, account }, resolveScope(optionalField(fields, 'scope')));
};

const invalidCode = (why: string) => unauthorized('InvalidLoginCredentials', `The authorization code ${why}.`);

/** AUTH-SPEC authorization_code: code + client_id, redirect_uri must match, PKCE code_verifier. */
const authorizationCode: Grant = (state, request, fields) => {
  const { code } = requireFields(fields, ['code']);
  const { clientId, clientSecret } = clientCredentialsOf(request, fields);
  if (!clientId) throw badRequest('MissingParameters', 'Missing required parameter(s): client_id.');

  const record = redeemAuthCode(state, code);
  if (!record) throw invalidCode('is not valid, was already used or has expired');
  if (record.clientId !== clientId) throw invalidCode('was issued to another client');
  const redirectUri = optionalField(fields, 'redirect_uri');
  if (redirectUri !== undefined && redirectUri !== record.redirectUri) throw invalidCode('was issued for another redirect_uri');
  if (record.codeChallenge !== undefined) {
    const verifier = optionalField(fields, 'code_verifier');
    if (!verifier || s256Challenge(verifier) !== record.codeChallenge) {
      throw unauthorized('InvalidVerifier', 'The code_verifier does not match the code_challenge.');
    }
  }

  const application = state.applications.get(clientId);
  if (!application) throw invalidCode('was issued to an unknown client');
  if (clientSecret !== undefined && clientSecret !== application.clientSecret) {
    throw unauthorized('ClientSecretMismatch', 'The client id or secret is incorrect.');
  }
  if (!application.active) throw unauthorized('ClientNotActive', 'The client application is not active.');

  const user = findUser(state, record.userId);
  const account = user && findAccount(state, user.accountId);
  if (!user || !account) throw invalidCode('belongs to no known user');
  assertActive(user, account);
  return issueTokens(state, { kind: 'user', user, account }, scopeWithin(record.scope, optionalField(fields, 'scope')));
};

/** "the scope items must match one of the scopes that was provided in create authorization_code" (AUTH-SPEC). */
function scopeWithin(granted: string | undefined, requested: string | undefined): string {
  if (requested === undefined) return resolveScope(granted);
  const allowed = new Set(resolveScope(granted).split(' '));
  const scope = resolveScope(requested);
  const outside = scope.split(' ').filter((item) => !allowed.has(item));
  if (outside.length > 0) throw badRequest('InvalidScope', `Scope not granted by /authorize: ${outside.join(', ')}.`);
  return scope;
}

/**
 * Grants by grant_type. CHOICE: matched case-insensitively; F-AUTHQ's developer sent "Password"
 * and got past grant validation to a credentials 401.
 */
export const GRANTS: ReadonlyMap<string, Grant> = new Map([
  ['password', password],
  ['refresh_token', refreshToken],
  ['client_credentials', clientCredentials],
  ['authorization_code', authorizationCode],
]);
