// POST /authorize (createAuthorizationCode, AUTH-SPEC): what an auth portal, or Mitel's OIDC
// sample (S-AUTH), posts to turn a user's credentials into a one-time code for a registered client.
import type { FastifyInstance } from 'fastify';
import { badRequest, forbidden, isSandboxError, SandboxError } from '../../platform/errors';
import { fieldsOf, optionalField, requireFields, type Fields } from '../../platform/request-fields';
import type { ApplicationRecord } from '../../model';
import type { SandboxState } from '../../state';
import { issueAuthCode } from './auth-codes';
import { resolveLogin } from './login';
import { resolveScope } from './token-issuer';

/** The registered client a request names, or the documented 403 (AUTH-SPEC /authorize 403 names). */
function activeClient(state: SandboxState, clientId: string): ApplicationRecord {
  const application = state.applications.get(clientId);
  if (!application) throw forbidden('InvalidClient', `No application is registered with client_id '${clientId}'.`);
  if (!application.active) throw forbidden('ClientNotActive', 'The client application is not active.');
  return application;
}

function checkRedirectUri(application: ApplicationRecord, redirectUri: string | undefined): void {
  if (redirectUri === undefined) return;
  // Redirect URIs must be pre-registered (AUTH-SPEC "Authorization Code Grant Flow").
  if (application.redirectUris.length === 0) {
    throw forbidden('UnconfiguredRedirectUri', 'The application has no redirect URIs registered.');
  }
  if (!application.redirectUris.includes(redirectUri)) {
    throw forbidden('InvalidRedirectUri', `redirect_uri '${redirectUri}' is not registered for this application.`);
  }
}

/** PKCE: "Only S256 is supported" (AUTH-SPEC code_challenge_method). */
function codeChallengeOf(fields: Fields): string | undefined {
  const challenge = optionalField(fields, 'code_challenge');
  const method = optionalField(fields, 'code_challenge_method');
  if (challenge === undefined) {
    if (method !== undefined) throw badRequest('MissingParameters', 'code_challenge_method was sent without code_challenge.');
    return undefined;
  }
  // CHOICE: an absent method means S256, the only one supported, rather than RFC 7636's "plain".
  if (method !== undefined && method !== 'S256') {
    throw badRequest('InvalidCodeChallengeMethod', `code_challenge_method '${method}' is not supported; use S256.`);
  }
  return challenge;
}

function createCode(state: SandboxState, fields: Fields | undefined): string {
  if (!fields || Object.keys(fields).length === 0) {
    throw badRequest('MissingBodyInRequest', 'POST /authorize needs a form (or JSON) body.');
  }
  const { client_id: clientId, response_type: responseType } = requireFields(fields, ['client_id', 'response_type']);
  // "code is the only currently supported response type" (AUTH-SPEC).
  if (responseType !== 'code') throw badRequest('InvalidResponseType', `response_type '${responseType}' is not supported; use code.`);
  const codeChallenge = codeChallengeOf(fields);
  const scope = optionalField(fields, 'scope');
  if (scope !== undefined) resolveScope(scope);

  const application = activeClient(state, clientId);
  const redirectUri = optionalField(fields, 'redirect_uri');
  checkRedirectUri(application, redirectUri);

  // CHOICE: id_token_hint and target_client_id are not modelled; a user always signs in here.
  const { username, password } = requireFields(fields, ['username', 'password']);
  const { user } = resolveLogin(state, { username, password, accountId: optionalField(fields, 'account_id') });
  return issueAuthCode(state, { clientId, userId: user.userId, redirectUri, scope, codeChallenge });
}

/**
 * /authorize's 400 and 401 bodies carry OAuth's `error`/`error_description` beside name/message
 * (AUTH-SPEC). CHOICE: 400 → invalid_request (the one value the spec lists); 401 → access_denied.
 */
function withOAuthFields(error: unknown): unknown {
  if (!isSandboxError(error) || (error.statusCode !== 400 && error.statusCode !== 401)) return error;
  const oauthError = error.statusCode === 400 ? 'invalid_request' : 'access_denied';
  return new SandboxError(error.statusCode, error.name, error.message, {
    ...error.extras,
    error: oauthError,
    error_description: error.message,
  });
}

export function registerAuthorizeRoute(app: FastifyInstance, state: SandboxState): void {
  app.post('/authorize', async (request, reply) => {
    let code: string;
    try {
      code = createCode(state, fieldsOf(request.body));
    } catch (error) {
      throw withOAuthFields(error);
    }
    return reply.code(201).send({ code });
  });
}
