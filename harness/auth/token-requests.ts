// The Authentication requests that token setup needs. The Authentication collection includes these
// same definitions, so "POST Token" is written once. Bodies are form-encoded as the published spec
// declares (AUTH-SPEC; forum staff correction in F-AUTHQ), and success is 201, not 200 (AUTH-SPEC).
import type { NamedRequest } from '../client/named-request';

type RequestDefinition = Omit<NamedRequest, 'name'>;

const tokenErrors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 409: '_shared/error' };

export const tokenRequests = {
  'POST Token': {
    // A token grant creates nothing a second send could duplicate: retried like a GET.
    safe: true,
    description: 'Password grant: log in as the environment user and receive an access and a refresh token.',
    method: 'POST',
    url: '{{auth_url}}/token',
    auth: 'none',
    body: {
      mode: 'urlencoded',
      form: { grant_type: 'password', username: '{{username}}', password: '{{password}}', account_id: '{{accountId}}' },
    },
    responses: { 201: 'authentication/token', ...tokenErrors },
  },
  'POST Refresh Token': {
    // A token grant creates nothing a second send could duplicate: retried like a GET.
    safe: true,
    description: 'Refresh-token grant: trade a refresh token for a new access token.',
    method: 'POST',
    url: '{{auth_url}}/token',
    auth: 'none',
    body: { mode: 'urlencoded', form: { grant_type: 'refresh_token', refresh_token: '{{refresh_token}}' } },
    responses: { 201: 'authentication/token', ...tokenErrors },
  },
  'POST Client Credentials Token': {
    // A token grant creates nothing a second send could duplicate: retried like a GET.
    safe: true,
    description: 'Client-credentials grant: a token for the application itself.',
    method: 'POST',
    url: '{{auth_url}}/token',
    auth: 'none',
    body: {
      mode: 'urlencoded',
      form: { grant_type: 'client_credentials', client_id: '{{client_id}}', client_secret: '{{client_secret}}' },
    },
    responses: { 201: 'authentication/token', ...tokenErrors },
  },
  'POST Authorize': {
    description: 'OpenID Connect step 1: exchange the user credentials for a one-time authorization code (PKCE S256).',
    method: 'POST',
    url: '{{auth_url}}/authorize',
    auth: 'none',
    body: {
      mode: 'urlencoded',
      form: {
        client_id: '{{client_id}}',
        response_type: 'code',
        username: '{{username}}',
        password: '{{password}}',
        account_id: '{{accountId}}',
        redirect_uri: '{{redirect_uri}}',
        code_challenge: '{{code_challenge}}',
        code_challenge_method: 'S256',
      },
    },
    responses: { 201: 'authentication/authorization-code', ...tokenErrors, 404: '_shared/error' },
  },
  'POST Authorization Code Token': {
    description: 'OpenID Connect step 2: trade the authorization code (and PKCE verifier) for tokens.',
    method: 'POST',
    url: '{{auth_url}}/token',
    auth: 'none',
    body: {
      mode: 'urlencoded',
      form: {
        grant_type: 'authorization_code',
        client_id: '{{client_id}}',
        code: '{{code}}',
        redirect_uri: '{{redirect_uri}}',
        code_verifier: '{{code_verifier}}',
      },
    },
    responses: { 201: 'authentication/token', ...tokenErrors },
  },
} satisfies Record<string, RequestDefinition>;

export type TokenRequestName = keyof typeof tokenRequests;
