// The Authentication collection: the named requests of Mitel's Postman library for this API, as
// code. Paths, methods and statuses come from the published Authentication OpenAPI document
// (AUTH-SPEC; docs/sources.md).
import { defineCollection, tokenRequests } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error' };

export const authentication = defineCollection({
  name: 'Authentication',
  api: 'authentication',
  description: 'Tokens, claims and the OpenID Connect flow of https://authentication.api.mitel.io/2017-09-01.',
  requests: {
    ...tokenRequests,
    'GET Token': {
      description: 'Who am I: the claims of the bearer token.',
      method: 'GET',
      url: '{{auth_url}}/token',
      responses: { 200: 'authentication/claims', ...errors },
    },
    'GET Apps': {
      description: 'The applications of the caller’s account, as a HAL collection with OData paging.',
      method: 'GET',
      url: '{{auth_url}}/apps',
      responses: { 200: 'authentication/application-collection', ...errors },
    },
    'GET Application': {
      description: 'One application by id.',
      method: 'GET',
      url: '{{auth_url}}/applications/{{applicationId}}',
      responses: { 200: 'authentication/application', ...errors },
    },
    'POST Application': {
      description: 'Register a client application (GLOBAL_ADMIN or PARTNER_ADMIN only).',
      method: 'POST',
      url: '{{auth_url}}/applications',
      body: { mode: 'json', json: { name: '{{appName}}', description: '{{appDescription}}' } },
      responses: { 201: 'authentication/application', ...errors },
    },
    'GET Unknown Path': {
      description: 'A path the API does not have, to show the API gateway’s 403 (not 404) for routing misses.',
      method: 'GET',
      url: '{{auth_url}}/tokens',
      responses: { 403: '_shared/gateway-error' },
    },
  },
});
