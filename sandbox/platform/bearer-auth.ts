// The check every authenticated route makes. CloudLink takes the access token in the
// Authorization header; Mitel's own samples send the raw JWT without "Bearer " and expect
// success (S-CHAT, S-NOTIF, S-MEDIA) while Postman sends "Bearer <jwt>" (PM), so both pass.
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './errors';
import { verifyJwt, type JwtClaims } from './jwt';

/** The claims routes rely on; every access token the sandbox issues has at least these. */
export interface Caller extends JwtClaims {
  principalId: string;
  accountId: string;
  role: string;
  exp: number;
}

/** The token in an Authorization header: after "Bearer " (any case), or the whole value when bare. */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1];
  // A value with a space is some other scheme (Basic, SigV4…): not an access token.
  return /\s/.test(value) ? undefined : value;
}

/**
 * Access tokens the switchboard declared expired before their `exp` ("expire-tokens" fault).
 * Keyed by the instance's signing key — what every caller already passes — so sandboxes sharing a
 * process stay apart and no route had to change.
 */
const earlyExpiry = new WeakMap<Buffer, (claims: JwtClaims) => boolean>();

export function setEarlyExpiry(key: Buffer, expired: (claims: JwtClaims) => boolean): void {
  earlyExpiry.set(key, expired);
}

const EXPIRED = 'The access token has expired.';

function isAccessClaims(claims: JwtClaims): claims is Caller {
  // Refresh tokens carry `type` and no principal (S-AUTH README token): they open no resource.
  return claims.type === undefined && typeof claims.principalId === 'string' && typeof claims.accountId === 'string' && typeof claims.role === 'string';
}

/**
 * The verified caller, or 401. CHOICE (undocumented): 401 for all three cases,
 * named MissingAuthToken (no token) and AuthenticationFailure (bad, expired or wrong-kind token),
 * names the spec uses for these conditions under other statuses; 401 is what a client refreshes on.
 */
export function authenticate(request: FastifyRequest, key: Buffer, nowSeconds: number): Caller {
  return authenticateAuthorization(request.headers.authorization, key, nowSeconds);
}

/** The same check on a bare header value, for callers outside a fastify route (websocket upgrades). */
export function authenticateAuthorization(header: string | undefined, key: Buffer, nowSeconds: number): Caller {
  const token = tokenFromAuthorization(header);
  if (!token) {
    throw header?.trim()
      ? unauthorized('AuthenticationFailure', 'The Authorization header does not carry a bearer token.')
      : unauthorized('MissingAuthToken', 'The request has no Authorization header.');
  }
  const claims = verifiedCaller(token, key, nowSeconds);
  if (earlyExpiry.get(key)?.(claims)) throw unauthorized('AuthenticationFailure', EXPIRED);
  // A copy: the cached claims must not change under the next request whatever a route does with them.
  return { ...claims };
}

/**
 * Access tokens whose signature and shape were verified, by signing key. The signature of a given
 * token under a given key never changes, so it is checked once; what can change — `exp` against
 * the clock, the switchboard's early expiry — is checked on every request. A client under load
 * sends the same token thousands of times, and the HMAC and two base64/JSON decodes were the
 * largest cost of an authenticated read. Bounded: emptied when full.
 */
const verifiedTokens = new WeakMap<Buffer, Map<string, Caller>>();
const VERIFIED_TOKENS_LIMIT = 1000;

function verifiedCaller(token: string, key: Buffer, nowSeconds: number): Caller {
  let verified = verifiedTokens.get(key);
  const known = verified?.get(token);
  if (known) {
    // verifyJwt's own expiry rule, on claims it already accepted.
    if (known.exp <= nowSeconds) throw unauthorized('AuthenticationFailure', EXPIRED);
    return known;
  }
  const result = verifyJwt(token, key, nowSeconds);
  if (!result.ok) {
    const why = result.reason === 'expired' ? EXPIRED : 'The access token is not valid.';
    throw unauthorized('AuthenticationFailure', why);
  }
  if (!isAccessClaims(result.claims)) {
    throw unauthorized('AuthenticationFailure', 'The token is not an access token.');
  }
  if (!verified) verifiedTokens.set(key, (verified = new Map()));
  if (verified.size >= VERIFIED_TOKENS_LIMIT) verified.clear();
  verified.set(token, result.claims);
  return result.claims;
}
