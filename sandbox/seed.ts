// The deterministic data every sandbox starts from. Values are fixed so tests, fixtures and the
// printed credentials are the same on every machine; they are public sandbox values, not secrets.
// Emails use example.com and domains .invalid (RFC 2606) so nothing here can reach a real system.
import type { AccountRecord, ApplicationRecord, UserRecord } from './model';

export interface SeedData {
  accounts: AccountRecord[];
  users: UserRecord[];
  applications: ApplicationRecord[];
}

export const MAIN_ACCOUNT_ID = '5a7d2c1e-0b1f-4c3e-9d2a-6f1e0c9b8a71';
export const OTHER_ACCOUNT_ID = 'e2b4f6a8-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
export const OIDC_CLIENT_ID = '3f9b6c2a8d1e4f7a9b0c1d2e3f4a5b6c';
export const INACTIVE_CLIENT_ID = '7c1e9d3b5a2f4e6d8c0b1a2f3e4d5c6b';
export const OIDC_REDIRECT_URI = 'http://127.0.0.1/callback';
/** The main account's PBX site; call legs and endpoints carry it as siteId (S-NOTIF payload). */
export const SITE_ID = '4d6f8a2c-3b1e-4f5a-9c7d-2e8b0a1f3c5d';

const SEEDED_AT = '2024-01-01T00:00:00.000Z';

/** domain claim: `<accountId>.<region host>` in CloudLink (S-AUTH README token); .invalid here. */
const domainOf = (accountId: string) => `${accountId}.sandbox.invalid`;

function account(accountId: string, accountNumber: string, partnerId: string, name: string): AccountRecord {
  return { accountId, accountNumber, partnerId, name, domain: domainOf(accountId), active: true };
}

type UserSeed = Pick<UserRecord, 'userId' | 'accountId' | 'email' | 'name' | 'role' | 'password'> &
  Partial<Pick<UserRecord, 'key' | 'loginId' | 'mobile' | 'extension'>>;

function user(seed: UserSeed): UserRecord {
  // uniqueUserId, principalId and userId are one GUID in CloudLink's sample token (S-AUTH README).
  return {
    ...seed,
    uniqueUserId: seed.userId,
    principalId: seed.userId,
    languageCode: 'en-US',
    emailVerified: true,
    extensionVerified: false,
    mobileVerified: false,
    phoneVerified: false,
    active: true,
  };
}

const PARTNER_USER_ID = 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e';

function application(seed: Pick<ApplicationRecord, 'applicationId' | 'clientSecret' | 'name' | 'description' | 'active' | 'redirectUris'>): ApplicationRecord {
  return {
    ...seed,
    accountId: MAIN_ACCOUNT_ID,
    partnerId: '900100200',
    role: 'USER',
    thirdParty: true,
    resource: `https://mitel.io/auth/3pa-${seed.applicationId}`,
    createdOn: SEEDED_AT,
    createdBy: PARTNER_USER_ID,
    modifiedOn: SEEDED_AT,
    modifiedBy: PARTNER_USER_ID,
  };
}

/** A fresh copy each call: every sandbox instance mutates its own state. */
export function createSeed(): SeedData {
  return {
    accounts: [
      account(MAIN_ACCOUNT_ID, '100200300', '900100200', 'CloudLink Sandbox'),
      // A different partner, so "another account's data" really is out of every seeded user's reach.
      account(OTHER_ACCOUNT_ID, '100200399', '900100299', 'CloudLink Sandbox (other account)'),
    ],
    users: [
      user({
        key: 'primary',
        userId: '0f1e2d3c-4b5a-4697-8877-665544332211',
        accountId: MAIN_ACCOUNT_ID,
        email: 'alex.admin@example.com',
        loginId: 'alex.admin',
        mobile: '+15550100001',
        extension: '2001',
        name: 'Alex Admin',
        role: 'ACCOUNT_ADMIN',
        password: 'Sandbox-Primary-1!',
      }),
      user({
        key: 'second',
        userId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        accountId: MAIN_ACCOUNT_ID,
        email: 'sam.second@example.com',
        extension: '2002',
        name: 'Sam Second',
        role: 'USER',
        password: 'Sandbox-Second-2!',
      }),
      user({
        key: 'user',
        userId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
        accountId: MAIN_ACCOUNT_ID,
        email: 'uma.user@example.com',
        extension: '2003',
        name: 'Uma User',
        role: 'USER',
        password: 'Sandbox-User-3!',
      }),
      user({
        key: 'partner',
        userId: PARTNER_USER_ID,
        accountId: MAIN_ACCOUNT_ID,
        email: 'pat.partner@example.com',
        name: 'Pat Partner',
        role: 'PARTNER_ADMIN',
        password: 'Sandbox-Partner-4!',
      }),
      // Same email as "user" in another account: logging in as uma.user@example.com without
      // account_id is ambiguous and answers 409 MultipleMatching (AUTH-SPEC /token description).
      user({
        userId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
        accountId: OTHER_ACCOUNT_ID,
        email: 'uma.user@example.com',
        name: 'Uma User (other account)',
        role: 'USER',
        password: 'Sandbox-Other-5!',
      }),
    ],
    applications: [
      application({
        applicationId: OIDC_CLIENT_ID,
        clientSecret: 'sandbox-client-secret-active',
        name: 'CloudLink Harness',
        description: 'OpenID Connect client the harness signs in with.',
        active: true,
        redirectUris: [OIDC_REDIRECT_URI],
      }),
      // Third-party apps stay inactive until approved (AUTH-SPEC applicationsPostRequest.active).
      application({
        applicationId: INACTIVE_CLIENT_ID,
        clientSecret: 'sandbox-client-secret-inactive',
        name: 'Pending Partner App',
        description: 'A third-party application not yet approved.',
        active: false,
        redirectUris: ['http://127.0.0.1/pending-callback'],
      }),
    ],
  };
}
