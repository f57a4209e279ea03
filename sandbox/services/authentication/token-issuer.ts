// Mints the access/refresh token pair every successful grant answers with (AUTH-SPEC `token`).
// Claim names and order follow the sample tokens in S-AUTH's README; lifetimes come from the
// sandbox options (defaults 1 h / 14 days, AUTH-SPEC description).
import { badRequest } from '../../platform/errors';
import { signJwt, type JwtClaims } from '../../platform/jwt';
import type { AccountRecord, ApplicationRecord, UserRecord } from '../../model';
import { nowSeconds, type SandboxState } from '../../state';

export type TokenSubject =
  { kind: 'user'; user: UserRecord; account: AccountRecord } | { kind: 'client'; application: ApplicationRecord; account: AccountRecord };

export interface TokenResponse {
  token_type: 'bearer';
  expires_in: number;
  access_token: string;
  refresh_token: string;
  scope: string;
}

/** AUTH-SPEC `scope` description: "Supported scope values: openid, gauth, abc, profile, read_write". */
export const SUPPORTED_SCOPES = ['openid', 'gauth', 'abc', 'profile', 'read_write'] as const;

/** CHOICE: with no scope asked for, answer "read write" as S-AUTH's sample response does. */
export const DEFAULT_SCOPE = 'read write';

/** The requested scope, validated; 400 InvalidScope (AUTH-SPEC) for a value not in the list. */
export function resolveScope(requested: string | undefined): string {
  const items = requested?.split(/\s+/).filter(Boolean) ?? [];
  if (items.length === 0) return DEFAULT_SCOPE;
  const unknown = items.filter((item) => !(SUPPORTED_SCOPES as readonly string[]).includes(item));
  if (unknown.length > 0) {
    throw badRequest('InvalidScope', `Unsupported scope value(s): ${unknown.join(', ')}. Supported: ${SUPPORTED_SCOPES.join(', ')}.`);
  }
  return items.join(' ');
}

function userAccessClaims(user: UserRecord, account: AccountRecord): JwtClaims {
  return {
    uniqueUserId: user.uniqueUserId,
    principalId: user.principalId,
    accountId: account.accountId,
    partnerId: account.partnerId,
    domain: account.domain,
    email: user.email,
    emailVerified: user.emailVerified,
    extensionVerified: user.extensionVerified,
    languageCode: user.languageCode,
    mobileVerified: user.mobileVerified,
    name: user.name,
    phoneVerified: user.phoneVerified,
    role: user.role,
    userId: user.userId,
    // sipAddress = <userId>@<domain> (S-AUTH README token).
    sipAddress: `${user.userId}@${account.domain}`,
  };
}

/**
 * CHOICE: what a client_credentials token says is undocumented. The client is its own principal,
 * with the role it was registered with and its name; `clientId` makes the token's nature explicit.
 */
function clientAccessClaims(application: ApplicationRecord, account: AccountRecord): JwtClaims {
  return {
    principalId: application.applicationId,
    clientId: application.applicationId,
    accountId: account.accountId,
    partnerId: account.partnerId,
    domain: account.domain,
    name: application.name,
    role: application.role,
  };
}

export function issueTokens(state: SandboxState, subject: TokenSubject, scope: string): TokenResponse {
  // The switchboard may shorten this token's life ("short-tokens") or date it after tokens it expired.
  const iat = state.switchboard.issuedAt(nowSeconds(state));
  const { issuer, refreshTokenTtlSeconds } = state.config;
  const lifetime = state.switchboard.accessLifetime(state.config.accessTokenTtlSeconds);
  const isUser = subject.kind === 'user';
  const access = isUser ? userAccessClaims(subject.user, subject.account) : clientAccessClaims(subject.application, subject.account);

  // Refresh-token claims as in S-AUTH's sample: type "user" and id = the userId. CHOICE: a
  // client's refresh token says type "client" and id = its client_id.
  const refresh: JwtClaims = {
    accountId: subject.account.accountId,
    iss: issuer,
    type: isUser ? 'user' : 'client',
    id: isUser ? subject.user.userId : subject.application.applicationId,
    assumedRole: isUser ? subject.user.role : subject.application.role,
    authProvider: 'cloudlink',
    iat,
    exp: iat + refreshTokenTtlSeconds,
  };
  return {
    token_type: 'bearer',
    expires_in: lifetime.expiresIn,
    access_token: signJwt({ ...access, iss: issuer, iat, exp: iat + lifetime.ttlSeconds }, state.signingKey),
    refresh_token: signJwt(refresh, state.signingKey),
    scope,
  };
}
