// One sandbox instance's in-memory world: the seeded directory and registry, the auth codes in
// flight, the clock and the token signing key. Services read and change it; nothing is persisted.
import { randomBytes } from 'node:crypto';
import { EventBus } from './platform/events';
import type { AccountRecord, ApplicationRecord, AuthCodeRecord, UserRecord } from './model';
import { MAIN_ACCOUNT_ID, OIDC_CLIENT_ID, OIDC_REDIRECT_URI, createSeed } from './seed';
import { Switchboard } from './switchboard/switchboard';
import type { WebhookSwitch } from './switchboard/types';
import type { SandboxCredentials, SandboxOptions, SandboxUser, WebhookOptions } from './types';

export interface SandboxConfig {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  authCodeTtlSeconds: number;
  /** `iss` of every token. CloudLink's reads like https://authentication.<region>…/cloudlink (S-AUTH). */
  issuer: string;
  /** Raw webhook options; the notifications service fills in its documented defaults. */
  webhook: WebhookOptions & { switchboard?: WebhookSwitch };
}

export interface SandboxState {
  config: SandboxConfig;
  now(): number;
  /**
   * CHOICE: a fresh random HS256 key per instance. Tokens from an earlier sandbox run are then
   * refused with 401, as CloudLink refuses tokens from another environment (F-AUTHQ).
   */
  signingKey: Buffer;
  accounts: AccountRecord[];
  users: UserRecord[];
  applications: Map<string, ApplicationRecord>;
  authCodes: Map<string, AuthCodeRecord>;
  /** Media, chat and admin publish here; notifications delivers to subscribers. */
  events: EventBus;
  /**
   * What the account holds that a client can create, change or delete, by name ("chat.conversations"
   * → a count or a fingerprint); each service registers its own. The harness compares it before and
   * after a live run to prove the run left the account as it found it.
   */
  inventory: Map<string, () => number | string>;
  /** Faults and contract drifts switched on for this instance (sandbox/switchboard). */
  switchboard: Switchboard;
}

const DAY_SECONDS = 24 * 60 * 60;

export function createState(options: SandboxOptions = {}): SandboxState {
  const seed = createSeed();
  const now = options.now ?? Date.now;
  const signingKey = randomBytes(32);
  const switchboard = new Switchboard(options.switchboard, () => Math.floor(now() / 1000), signingKey);
  return {
    config: {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * DAY_SECONDS,
      // CHOICE: 60 s; the spec says only that codes expire "if the application waits too long".
      authCodeTtlSeconds: options.authCodeTtlSeconds ?? 60,
      issuer: 'https://authentication.sandbox.invalid/cloudlink',
      webhook: { ...options.webhook, switchboard },
    },
    now,
    signingKey,
    accounts: seed.accounts,
    users: seed.users,
    applications: new Map(seed.applications.map((app) => [app.applicationId, app])),
    authCodes: new Map(),
    events: new EventBus(),
    inventory: new Map(),
    switchboard,
  };
}

export function nowSeconds(state: SandboxState): number {
  return Math.floor(state.now() / 1000);
}

export function findAccount(state: SandboxState, accountId: string): AccountRecord | undefined {
  return state.accounts.find((account) => account.accountId === accountId);
}

/** account_id may be the GUID accountId or the numeric accountNumber (AUTH-SPEC; F-AUTHQ; PM). */
export function findAccountByIdOrNumber(state: SandboxState, idOrNumber: string): AccountRecord | undefined {
  const wanted = idOrNumber.trim().toLowerCase();
  return state.accounts.find((account) => account.accountId.toLowerCase() === wanted || account.accountNumber === wanted);
}

export function findUser(state: SandboxState, userId: string): UserRecord | undefined {
  return state.users.find((user) => user.userId === userId);
}

/** The published part of the seed: what `npm run sandbox` prints and the harness logs in with. */
export function describeCredentials(state: SandboxState): SandboxCredentials {
  const main = findAccount(state, MAIN_ACCOUNT_ID);
  const client = state.applications.get(OIDC_CLIENT_ID);
  if (!main || !client?.clientSecret) throw new Error('sandbox seed is missing its main account or client');
  const users: SandboxUser[] = [];
  for (const user of state.users) {
    if (!user.key) continue;
    users.push({
      key: user.key,
      username: user.email,
      password: user.password,
      userId: user.userId,
      accountId: user.accountId,
      role: user.role,
      name: user.name,
    });
  }
  return {
    accountId: main.accountId,
    accountNumber: main.accountNumber,
    users,
    client: { client_id: client.applicationId, client_secret: client.clientSecret, redirect_uri: OIDC_REDIRECT_URI },
  };
}
