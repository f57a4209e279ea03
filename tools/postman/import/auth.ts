// Postman auth, after inheritance, as the harness expresses it. A bearer `{{access_token}}` is the
// harness's own token handling (fetched once, refreshed on 401), so it becomes `auth: 'primary'`
// rather than a header; any other scheme becomes the header or query parameter Postman would send.
// A credential typed straight into the auth tab is never copied into code: it becomes a secret
// variable whose .env name the import prints.
import type { RequestAuth } from '../../../harness/client/named-request';
import { USER_VARIABLES, USER_KEYS } from '../../../harness/auth/users';
import type { Auth } from '../format';
import { variablesIn } from './parameters';

export interface SecretVariable {
  key: string;
  /** What the user should put there. */
  hint: string;
}

export interface ConvertedAuth {
  auth: RequestAuth;
  headers: Record<string, string>;
  query: Record<string, string>;
  notes: string[];
  secrets: SecretVariable[];
}

export function convertAuth(effective: Auth | undefined): ConvertedAuth {
  const out: ConvertedAuth = { auth: 'none', headers: {}, query: {}, notes: [], secrets: [] };
  if (!effective || effective.type === 'noauth') return out;
  const { type, params } = effective;
  if (type === 'bearer') {
    const user = userOfToken(params.token ?? '');
    if (user) out.auth = user;
    else out.headers.authorization = `Bearer ${kept(params.token ?? '', 'bearer_token', 'the bearer token Postman had in the auth tab', out)}`;
  } else if (type === 'basic') {
    const secret = { key: 'basic_auth', hint: `base64 of ${params.username || '<user>'}:<password>, as Postman's basic auth sends it` };
    out.headers.authorization = `Basic {{${secret.key}}}`;
    out.secrets.push(secret);
    out.notes.push('basic auth is sent as an Authorization header built from {{basic_auth}}, which the environment must hold (base64 of user:password)');
  } else if (type === 'apikey') {
    const name = params.key || 'x-api-key';
    const value = kept(params.value ?? '', 'api_key', `the API key sent as ${name}`, out);
    if (params.in === 'query') out.query[name] = value;
    else out.headers[name.toLowerCase()] = value;
  } else {
    out.auth = 'primary';
    out.notes.push(`auth type "${type}" is not translated; the request carries the harness's token instead (token setup logs in once per run)`);
  }
  return out;
}

/** The harness user whose token a `{{access_token}}`-style value names, if it is exactly one. */
export function userOfToken(value: string): Exclude<RequestAuth, 'none'> | undefined {
  const trimmed = value.trim();
  return USER_KEYS.find((user) => trimmed === `{{${USER_VARIABLES[user].accessToken}}}`);
}

/** A value made only of variables is kept; typed-in credentials move to a secret variable. */
function kept(value: string, key: string, hint: string, out: ConvertedAuth): string {
  if (variablesIn(value).length > 0 || value.trim() === '') return value;
  out.secrets.push({ key, hint });
  return `{{${key}}}`;
}
