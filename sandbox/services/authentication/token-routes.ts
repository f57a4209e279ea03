// POST /token (createToken) and GET /token (getClaims, "who am I") (AUTH-SPEC).
import type { FastifyInstance } from 'fastify';
import { authenticate, type Caller } from '../../platform/bearer-auth';
import { badRequest } from '../../platform/errors';
import { fieldsOf, optionalField } from '../../platform/request-fields';
import { findUser, nowSeconds, type SandboxState } from '../../state';
import { GRANTS } from './grants';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** `aud` as observed on GET /token (NG-TEST [3P]). */
export const CLAIMS_AUDIENCE = 'https://mitel.io/auth/teamwork';

/**
 * GET /token answers every claim as a string, booleans and numbers included, plus
 * `integrationLatency` as the number 0 and `aud` (NG-TEST [3P], SWIFT [3P] CLTokenInformation);
 * consistent with API-Gateway authorizer context stringification (an inference).
 * The profile fields it adds (extension, loginId, mobile) are the user's, when the user has them.
 */
export function claimsView(state: SandboxState, caller: Caller): Record<string, string | number> {
  const view: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(caller)) {
    if (value !== undefined && value !== null) view[name] = typeof value === 'string' ? value : String(value);
  }
  const user = typeof caller.userId === 'string' ? findUser(state, caller.userId) : undefined;
  for (const [name, value] of Object.entries({ extension: user?.extension, loginId: user?.loginId, mobile: user?.mobile })) {
    if (value !== undefined) view[name] = value;
  }
  view.aud = CLAIMS_AUDIENCE;
  view.integrationLatency = 0;
  return view;
}

export function registerTokenRoutes(app: FastifyInstance, state: SandboxState): void {
  app.post('/token', async (request, reply) => {
    const fields = fieldsOf(request.body);
    if (!fields || Object.keys(fields).length === 0) {
      throw badRequest('MissingBodyInRequest', 'POST /token needs a form (or JSON) body with grant_type.');
    }
    const grantType = optionalField(fields, 'grant_type');
    if (!grantType) throw badRequest('MissingParameters', 'Missing required parameter(s): grant_type.');
    if (grantType === TOKEN_EXCHANGE) {
      // CHOICE: the Zoom token-exchange grant (AUTH-SPEC) is not modelled; refused, not faked.
      throw badRequest('InvalidGrantType', 'The sandbox does not model the token-exchange grant.');
    }
    const grant = GRANTS.get(grantType.toLowerCase());
    if (!grant) throw badRequest('InvalidGrantType', `Unsupported grant_type '${grantType}'.`);
    // Success is 201 Created, not 200 (AUTH-SPEC; S-AUTH treats any status > 201 as failure).
    return reply.code(201).send(grant(state, request, fields));
  });

  app.get('/token', async (request) => {
    const caller = authenticate(request, state.signingKey, nowSeconds(state));
    return claimsView(state, caller);
  });
}
