// Holds each user's tokens for one worker. Refreshes proactively shortly before expiry and, when a
// request is answered 401, reactively — once, shared by every request that hit the same 401
// (single-flight), so twenty parallel requests cause one refresh, not twenty. A refresh that fails
// ends in one clear error instead of a loop of 401s (Newman and Bruno users' complaint: newman#3219,
// usebruno/bruno#8789; docs/sources.md).
import type { UserKey } from './users';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms after which the access token is no longer valid; unknown when the token is opaque. */
  expiresAt?: number;
}

/** Performs the refresh-token grant with a refresh token; throws when the platform refuses it. */
export type Refresher = (refreshToken: string) => Promise<TokenSet>;

export class TokenRefreshError extends Error {
  constructor(user: UserKey, reason: string) {
    super(
      `Refreshing the access token of the ${user} user failed: ${reason}. ` +
        'The run cannot continue as this user; check its credentials and that the refresh token has not expired or been revoked.',
    );
    this.name = 'TokenRefreshError';
  }
}

export interface TokenStoreOptions {
  /** Refresh this long before `expiresAt`, so a token does not expire in flight. */
  skewMs?: number;
  now?: () => number;
}

export class TokenStore {
  private readonly tokens = new Map<UserKey, TokenSet>();
  private readonly inFlight = new Map<UserKey, Promise<string>>();
  private readonly refreshed = new Map<UserKey, number>();
  private readonly skewMs: number;
  private readonly now: () => number;

  constructor(initial: Partial<Record<UserKey, TokenSet>>, options: TokenStoreOptions = {}) {
    for (const [user, set] of Object.entries(initial) as [UserKey, TokenSet][]) this.tokens.set(user, set);
    this.skewMs = options.skewMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  has(user: UserKey): boolean {
    return this.tokens.has(user);
  }

  /**
   * The user's current access token, refreshed first (with `refresher`) when it is about to expire.
   * The store only decides when; the caller says how, so the grant travels the caller's pipeline.
   */
  async accessToken(user: UserKey, refresher: Refresher): Promise<string> {
    const set = this.require(user);
    if (set.expiresAt !== undefined && set.refreshToken && set.expiresAt - this.skewMs <= this.now()) {
      return this.refresh(user, set.accessToken, refresher);
    }
    return set.accessToken;
  }

  /**
   * Refreshes after `rejected` was refused. When another request already replaced that token the
   * new one is returned without a second refresh.
   */
  refresh(user: UserKey, rejected: string, refresher: Refresher): Promise<string> {
    const running = this.inFlight.get(user);
    if (running) return running;
    const current = this.require(user);
    if (current.accessToken !== rejected) return Promise.resolve(current.accessToken);
    if (!current.refreshToken) return Promise.reject(new TokenRefreshError(user, 'no refresh token is available'));

    const flight = refresher(current.refreshToken)
      .then((next) => {
        this.tokens.set(user, { ...next, refreshToken: next.refreshToken ?? current.refreshToken });
        this.refreshed.set(user, this.refreshCount(user) + 1);
        return next.accessToken;
      })
      .catch((error: unknown) => {
        throw error instanceof TokenRefreshError ? error : new TokenRefreshError(user, (error as Error).message);
      })
      .finally(() => this.inFlight.delete(user));
    this.inFlight.set(user, flight);
    return flight;
  }

  /** How many refreshes of the user's token succeeded in this worker. */
  refreshCount(user: UserKey): number {
    return this.refreshed.get(user) ?? 0;
  }

  /** Replaces a user's access token, e.g. to prove that a rejected token is refreshed and the request replayed. */
  replaceAccessToken(user: UserKey, accessToken: string): void {
    this.tokens.set(user, { ...this.require(user), accessToken, expiresAt: undefined });
  }

  private require(user: UserKey): TokenSet {
    const set = this.tokens.get(user);
    if (!set) throw new TokenRefreshError(user, `no token was acquired for the ${user} user (is it configured in the environment?)`);
    return set;
  }
}

/** Reads `exp` from a JWT without verifying it: the harness only needs to know when to refresh. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    const exp = Number(claims.exp);
    return Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
