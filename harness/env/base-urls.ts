import type { Environment } from './load';

/** The API base URLs that have a value, by variable (auth_url → http://…/authentication/2017-09-01). */
export function baseUrlsOf(env: Environment): Record<string, string> {
  return Object.fromEntries(env.urlKeys.map((key) => [key, env.values[key] ?? '']).filter(([, url]) => url !== ''));
}
