// THE redaction list. Every place that lets data leave the process (fixtures, report attachments,
// logs, matcher messages, environment exports) decides what is sensitive from this file alone.

/** Names (of headers, body fields, query parameters, environment variables) whose values are credentials. Compared lower-case. */
export const CREDENTIAL_NAMES: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'password',
  'password2',
  'client_secret',
  'access_token',
  'access_token2',
  'refresh_token',
  'refresh_token2',
  'token', // the deprecated refresh field of POST /token
  'code', // an OpenID Connect authorization code is a one-time credential
  'code_verifier',
  'code_challenge', // not secret, but derived from the verifier and random per run: a placeholder keeps replay matching
  'sippassword',
  'subject_token',
  'x-api-key',
  'accesstoken', // sso.accessToken of POST /token (camelCase)
  'refreshtoken', // sso.refreshToken
  'id_token',
  'gauth', // a Connect Cloud token, answered when the gauth scope is requested
  'accesscode', // a meeting access code of POST /guest/token
  'signature', // the signature of a pre-signed media link (recordings with $expand=media)
  'x-amz-signature',
  'switchboard_key', // the key of a sandbox's switchboard route (environments written by npm run sandbox)
  'x-amz-credential',
  'x-amz-security-token',
];

/** Names whose values identify a customer, an account or a person. Compared lower-case. */
export const IDENTIFYING_NAMES: readonly string[] = [
  'accountid',
  'account_id',
  'accountidguid',
  'accountnumber',
  'partnerid',
  'partnerprimeaccountid',
  'userid',
  'uniqueuserid',
  'principalid',
  'client_id', // identifies a customer's application; also differs between sandbox starts, so a placeholder keeps replay matching
  'username',
  'username2',
  'email',
  'guestemail',
  'loginid',
  'mobile',
  'phone',
  'sipaddress',
  'domain',
];

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAMES.includes(name.toLowerCase());
}

export function isIdentifyingName(name: string): boolean {
  return IDENTIFYING_NAMES.includes(name.toLowerCase());
}

/** A JSON Web Token: three base64url parts, the first two starting with `eyJ` (`{"`). */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+/g;
