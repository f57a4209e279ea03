// The users a run logs in as. Postman's CloudLink environment has one user; scenarios with two
// participants (Mitel's direct-chat sample) need a second, kept in the same environment with a "2"
// suffix so a Postman user recognises the pattern.
import type { RequestAuth } from '../client/named-request';
import { envVariableName } from '../env';

export type UserKey = Exclude<RequestAuth, 'none'>;

export interface UserVariables {
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export const USER_VARIABLES: Record<UserKey, UserVariables> = {
  primary: { username: 'username', password: 'password', accessToken: 'access_token', refreshToken: 'refresh_token' },
  second: { username: 'username2', password: 'password2', accessToken: 'access_token2', refreshToken: 'refresh_token2' },
};

export const USER_KEYS = Object.keys(USER_VARIABLES) as UserKey[];

/** The process-environment names that carry a user's tokens from jest global setup to the workers. */
export function tokenEnvNames(user: UserKey): { access: string; refresh: string } {
  const vars = USER_VARIABLES[user];
  return { access: envVariableName(vars.accessToken), refresh: envVariableName(vars.refreshToken) };
}
