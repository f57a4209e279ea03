// A Postman-format environment describing a running sandbox, so a Postman user (or the harness,
// which reads the same format) can point at it: `npm run sandbox -- --environment-out <file>`.
// Keys follow Mitel's Postman environment (PM: username, password, x-mitel-app, *_url,
// access_token, refresh_token) plus this project's second user and OIDC client.
import { randomUUID } from 'node:crypto';
import type { RunningSandbox } from './types';

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'default' | 'secret';
  enabled: true;
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: PostmanVariable[];
  _postman_variable_scope: 'environment';
}

/** Same grammar as Mitel's observed header values: app=<name>/<version>;platform=…;session=… (P-BUILD, PM). */
export const SANDBOX_X_MITEL_APP = 'app=cloudlink-harness-sandbox/0.1.0;platform=node;session=sandbox';

export function toPostmanEnvironment(sandbox: RunningSandbox): PostmanEnvironment {
  const { credentials, urls } = sandbox;
  const user = (key: string) => {
    const found = credentials.users.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`sandbox credentials have no '${key}' user`);
    return found;
  };
  const entries: Array<[string, string, 'default' | 'secret']> = [
    ['username', user('primary').username, 'default'],
    ['password', user('primary').password, 'secret'],
    ['username2', user('second').username, 'default'],
    ['password2', user('second').password, 'secret'],
    ['accountId', credentials.accountId, 'default'],
    ['x-mitel-app', SANDBOX_X_MITEL_APP, 'default'],
    ['auth_url', urls.auth_url, 'default'],
    ['admin_url', urls.admin_url, 'default'],
    ['media_url', urls.media_url, 'default'],
    ['chat_url', urls.chat_url, 'default'],
    ['notifications_url', urls.notifications_url, 'default'],
    ['client_id', credentials.client.client_id, 'default'],
    ['client_secret', credentials.client.client_secret, 'secret'],
    ['redirect_uri', credentials.client.redirect_uri, 'default'],
    // Where a test harness may switch this sandbox's faults and drifts; a real account has none.
    ['switchboard_url', sandbox.switchboard.url, 'default'],
    ['switchboard_key', sandbox.switchboard.key, 'secret'],
    // Filled by "POST Token", as in Postman.
    ['access_token', '', 'secret'],
    ['refresh_token', '', 'secret'],
  ];
  return {
    id: randomUUID(),
    name: 'CloudLink sandbox (running)',
    values: entries.map(([key, value, type]) => ({ key, value, type, enabled: true })),
    _postman_variable_scope: 'environment',
  };
}
