// Step: auth. Builds the concrete request — every {{variable}} resolved, x-mitel-app and the user's
// token added — and shows it to the sender's onBuilt hook before passing it on. When an
// authenticated request is answered 401, it refreshes that user's token once (single-flight, in
// the token store) and sends the request once more. The refresh grant goes down the same pipeline
// below this step, behind its own retries, so it is recorded, replayed and reported like any
// request and a 503 on it is retried like any safe request.
import { TokenAcquisitionError, tokenFrom } from '../auth/acquire';
import { tokenRequests } from '../auth/token-requests';
import { TokenRefreshError, type TokenSet } from '../auth/token-store';
import { USER_KEYS, USER_VARIABLES, type UserKey } from '../auth/users';
import { buildRequest } from '../client/build-request';
import type { NamedRequest } from '../client/named-request';
import { retry } from './retry';
import type { Next, Outgoing, SendContext, Step } from './types';

const REFRESH: NamedRequest = { name: 'POST Refresh Token', ...tokenRequests['POST Refresh Token'] };

export const auth: Step = async (outgoing, context, next) => {
  const { named, options } = outgoing;
  const tokens = context.tokens;
  const explicit = explicitAuthorization(options.headers);
  // An Authorization the test writes itself may still carry a user's token ("{{access_token}}" bare,
  // as Mitel's samples send it): that is the user's current token, refreshed like any other.
  const user = explicit === undefined ? (options.as ?? named.auth ?? 'primary') : tokenUserIn(explicit);
  if (user === undefined || user === 'none' || tokens === undefined) return next(built(outgoing, context, undefined));

  const refresher = (refreshToken: string) => refreshAs(user, refreshToken, context, next);
  const token = await tokens.accessToken(user, refresher);
  const answer = await next(built(outgoing, context, token, explicit !== undefined ? user : undefined));
  if (answer.status !== 401) return answer;
  const fresh = await tokens.refresh(user, token, refresher);
  return next(built(outgoing, context, fresh, explicit !== undefined ? user : undefined));
};

function explicitAuthorization(headers: Record<string, string> | undefined): string | undefined {
  return Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
}

/** The user whose token variable an explicit Authorization header names; undefined for any other value. */
function tokenUserIn(header: string): UserKey | undefined {
  return USER_KEYS.find((user) => header.includes(`{{${USER_VARIABLES[user].accessToken}}}`));
}

/** A user's access token for something that is not a request (a websocket's handshake), refreshed first when due. */
export function currentAccessToken(user: UserKey, context: SendContext, next: Next): Promise<string> {
  if (!context.tokens) throw new Error(`No tokens in this context: the ${user} user's token was asked for before token setup.`);
  return context.tokens.accessToken(user, (refreshToken) => refreshAs(user, refreshToken, context, next));
}

/**
 * The outgoing send with its concrete request; the running test's extra headers go on every request
 * it sends. With `inHeaderOf`, the token goes where the test's own Authorization names that user's
 * token variable, instead of a Bearer header of its own.
 */
function built(outgoing: Outgoing, context: SendContext, token: string | undefined, inHeaderOf?: UserKey): Outgoing {
  const options =
    inHeaderOf && token !== undefined
      ? { ...outgoing.options, vars: { ...outgoing.options.vars, [USER_VARIABLES[inHeaderOf].accessToken]: token } }
      : outgoing.options;
  const request = buildRequest(outgoing.named, context.env, options, inHeaderOf ? undefined : token);
  const extra = context.test?.headers ?? {};
  if (Object.keys(extra).length) request.headers = { ...request.headers, ...extra };
  outgoing.onBuilt?.(request);
  return { ...outgoing, request };
}

/** The refresh-token grant, sent down the rest of the pipeline behind its own retries. */
async function refreshAs(user: UserKey, refreshToken: string, context: SendContext, next: Next): Promise<TokenSet> {
  const outgoing = built({ named: REFRESH, options: { vars: { refresh_token: refreshToken } } }, context, undefined);
  const answer = await retry(outgoing, context, next);
  if (answer.status !== 201) {
    const body = answer.body as { name?: string; message?: string } | undefined;
    throw new TokenRefreshError(
      user,
      `POST Refresh Token answered ${answer.status}${body?.name ? ` ${body.name}` : ''}${body?.message ? ` (${body.message})` : ''}`,
    );
  }
  try {
    return tokenFrom(answer, user);
  } catch (error) {
    throw new TokenRefreshError(user, (error as TokenAcquisitionError).message);
  }
}
