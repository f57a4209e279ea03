// The records the sandbox keeps in memory. Field names follow CloudLink's own where public
// material shows them: JWT claims (S-AUTH README token), the application resource (AUTH-SPEC
// `application`), accounts with a GUID accountId and a numeric accountNumber (AUTH-SPEC
// account_id description; F-AUTHQ).

/** AUTH-SPEC `claims.role` enum, lowest privilege last. */
export const ROLES = ['GLOBAL_ADMIN', 'PARTNER_ADMIN', 'ACCOUNT_ADMIN', 'USER', 'GUEST'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least as privileged as `minimum`. */
export function roleAtLeast(role: string, minimum: Role): boolean {
  const rank = (ROLES as readonly string[]).indexOf(role);
  return rank !== -1 && rank <= ROLES.indexOf(minimum);
}

export interface AccountRecord {
  accountId: string;
  accountNumber: string;
  partnerId: string;
  name: string;
  domain: string;
  active: boolean;
}

export type SandboxUserKey = 'primary' | 'second' | 'user' | 'partner';

export interface UserRecord {
  /** Which published sandbox user this is; undefined for users that only exist to make a point. */
  key?: SandboxUserKey;
  userId: string;
  uniqueUserId: string;
  principalId: string;
  accountId: string;
  email: string;
  loginId?: string;
  mobile?: string;
  extension?: string;
  name: string;
  role: Role;
  password: string;
  languageCode: string;
  emailVerified: boolean;
  extensionVerified: boolean;
  mobileVerified: boolean;
  phoneVerified: boolean;
  active: boolean;
}

export interface ApplicationRecord {
  /** The OAuth client_id is the applicationId (AUTH-SPEC: "client application identifier"). */
  applicationId: string;
  /** Absent for applications created through POST /applications: the spec returns no secret. */
  clientSecret?: string;
  accountId: string;
  partnerId: string;
  name: string;
  description: string;
  active: boolean;
  redirectUris: string[];
  /** The role a client_credentials token carries; anonymous user tokens may not exceed it (AUTH-SPEC). */
  role: Role;
  thirdParty: boolean;
  resource: string;
  createdOn: string;
  createdBy: string;
  modifiedOn: string;
  modifiedBy: string;
}

export interface AuthCodeRecord {
  code: string;
  clientId: string;
  userId: string;
  redirectUri?: string;
  scope?: string;
  codeChallenge?: string;
  expiresAtMs: number;
}
