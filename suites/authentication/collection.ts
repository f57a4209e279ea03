// The Authentication collection: the named requests of Mitel's Postman library for this API, as
// code. Paths, methods and statuses come from the published Authentication OpenAPI document
// (AUTH-SPEC; docs/sources.md).
import { defineCollection, pkceChallenge, tokenRequests } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error' };
/** For examples (tools/conformance): OData's $top must be at least 1. */
const top0 = { $top: '0' };
const EXAMPLE_VERIFIER = 'example-verifier-0123456789-0123456789-0123456789';

export const authentication = defineCollection({
  name: 'Authentication',
  api: 'authentication',
  description: 'Tokens, claims and the OpenID Connect flow of https://authentication.api.mitel.io/2017-09-01.',
  exampleVars: {
    // PKCE (RFC 7636): code_challenge is the S256 of code_verifier.
    code_verifier: EXAMPLE_VERIFIER,
    code_challenge: pkceChallenge(EXAMPLE_VERIFIER),
    appName: 'example-app',
    appDescription: 'Registered by an example',
  },
  requests: {
    // The token grants are written once, in the harness, for global setup; their examples are this collection's.
    'POST Token': { ...tokenRequests['POST Token'], examples: { 201: { captures: { refresh_token: 'refresh_token' } }, 401: { form: { password: 'wrong' } } } },
    'POST Refresh Token': { ...tokenRequests['POST Refresh Token'], examples: { 201: { setup: ['POST Token'] }, 401: { vars: { refresh_token: 'garbage' } } } },
    'POST Client Credentials Token': { ...tokenRequests['POST Client Credentials Token'], examples: { 201: {}, 401: { form: { client_secret: 'wrong' } } } },
    'POST Authorize': { ...tokenRequests['POST Authorize'], examples: { 201: { captures: { code: 'code' } }, 403: { form: { client_id: 'f'.repeat(32) } } } },
    // A code is good once: the error is the same code sent a second time.
    'POST Authorization Code Token': {
      ...tokenRequests['POST Authorization Code Token'],
      examples: { 201: { setup: ['POST Authorize'] }, 401: { setup: ['POST Authorization Code Token'] } },
    },
    'GET Token': {
      description: 'Who am I: the claims of the bearer token.',
      method: 'GET',
      url: '{{auth_url}}/token',
      responses: { 200: 'authentication/claims', ...errors },
      examples: { 200: {}, 401: { headers: { authorization: 'Bearer not-a-jwt' } } },
    },
    'GET Apps': {
      description: 'The applications of the caller’s account, as a HAL collection with OData paging.',
      method: 'GET',
      url: '{{auth_url}}/apps',
      responses: { 200: 'authentication/application-collection', ...errors },
      examples: { 200: {}, 400: { query: top0 } },
    },
    'GET Application': {
      description: 'One application by id.',
      method: 'GET',
      url: '{{auth_url}}/applications/{{applicationId}}',
      responses: { 200: 'authentication/application', ...errors },
      examples: { 200: { vars: { applicationId: '{{client_id}}' } }, 404: { vars: { applicationId: 'f'.repeat(32) } } },
    },
    'POST Application': {
      description: 'Register a client application (GLOBAL_ADMIN or PARTNER_ADMIN only).',
      method: 'POST',
      url: '{{auth_url}}/applications',
      body: { mode: 'json', json: { name: '{{appName}}', description: '{{appDescription}}' } },
      responses: { 201: 'authentication/application', ...errors },
      // Only a partner's or the global admin may register one; the primary user is an account admin.
      examples: { 201: { as: 'partner' }, 403: {} },
    },
    'GET Unknown Path': {
      description: 'A path the API does not have, to show the API gateway’s 403 (not 404) for routing misses.',
      method: 'GET',
      url: '{{auth_url}}/tokens',
      responses: { 403: '_shared/gateway-error' },
      examples: { 403: {} },
    },
  },
});
