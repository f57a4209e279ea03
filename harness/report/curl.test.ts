import { execFileSync } from 'node:child_process';
import type { RecordedRequest } from '../client/exchange';
import { Scrubber } from '../redact/scrubber';
import { curlCommand } from './curl';

const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';
const TOKEN = 'opaque-token-0123456789';

function scrubbed(request: RecordedRequest): { request: RecordedRequest; variables: ReadonlyMap<string, string> } {
  const scrubber = new Scrubber([
    { name: 'accountId', value: ACCOUNT },
    { name: 'access_token', value: TOKEN },
    { name: 'password', value: "Pa55'word!" },
    { name: 'username', value: 'dev@acme.example.org' },
  ]);
  return { request: scrubber.scrubRequest(request), variables: scrubber.knownVariables() };
}

/** What bash makes of the command's words, with the variables set: echo each argument on its own line. */
function argumentsInBash(command: string, env: Record<string, string>): string[] {
  const script = `${command.replace(/^#.*\n/, '').replace(/^curl/, 'printf "%s\\n"')}`;
  return execFileSync('bash', ['-c', script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' })
    .trimEnd()
    .split('\n');
}

describe('curlCommand', () => {
  it('turns the bearer token and the account id into the CLOUDLINK_ variables, and names them', () => {
    const { request, variables } = scrubbed({
      method: 'GET',
      url: `{{admin_url}}/accounts/${ACCOUNT}/users?$top=2`,
      headers: { authorization: `Bearer ${TOKEN}`, 'x-mitel-app': 'app=harness', 'content-length': '0' },
    });
    const command = curlCommand(request, { variables });
    expect(command).toBe(
      [
        '# needs CLOUDLINK_ACCESS_TOKEN, CLOUDLINK_ACCOUNTID, CLOUDLINK_ADMIN_URL (set in .env or the shell)',
        'curl "$CLOUDLINK_ADMIN_URL/accounts/$CLOUDLINK_ACCOUNTID/users?\\$top=2" \\',
        '  -H "authorization: Bearer $CLOUDLINK_ACCESS_TOKEN" \\',
        '  -H "x-mitel-app: app=harness"',
      ].join('\n'),
    );
    expect(command).not.toContain(ACCOUNT);
    expect(command).not.toContain(TOKEN);
    const env = { CLOUDLINK_ADMIN_URL: 'http://h', CLOUDLINK_ACCOUNTID: 'acc-1', CLOUDLINK_ACCESS_TOKEN: 'tok' };
    expect(argumentsInBash(command, env)).toEqual([
      'http://h/accounts/acc-1/users?$top=2',
      '-H',
      'authorization: Bearer tok',
      '-H',
      'x-mitel-app: app=harness',
    ]);
  });

  it('writes the base URL when it is given, and form fields one --data-urlencode each', () => {
    const { request, variables } = scrubbed({
      method: 'POST',
      url: '{{auth_url}}/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: { grant_type: 'password', username: 'dev@acme.example.org', password: "Pa55'word!", account_id: ACCOUNT },
      bodyType: 'form',
    });
    const command = curlCommand(request, { variables, baseUrls: { auth_url: 'https://authentication.us.api.mitel.io/2017-09-01' } });
    expect(command).toContain('curl -X POST "https://authentication.us.api.mitel.io/2017-09-01/token"');
    expect(command).toContain('--data-urlencode "password=$CLOUDLINK_PASSWORD"');
    expect(command).toContain('--data-urlencode "account_id=$CLOUDLINK_ACCOUNTID"');
    expect(command).not.toContain('Pa55');
  });

  it('quotes a JSON body so that bash hands curl the JSON with the values in place', () => {
    const { request, variables } = scrubbed({
      method: 'POST',
      url: '{{chat_url}}/conversations',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: { accountId: ACCOUNT, topic: "it's $HOME `x`" },
      bodyType: 'json',
    });
    const command = curlCommand(request, { variables });
    const args = argumentsInBash(command, { CLOUDLINK_CHAT_URL: 'http://127.0.0.1:9', CLOUDLINK_ACCOUNTID: 'acc-1', CLOUDLINK_ACCESS_TOKEN: 'tok' });
    expect(args).toEqual([
      '-X',
      'POST',
      'http://127.0.0.1:9/conversations',
      '-H',
      'authorization: Bearer tok',
      '--data-raw',
      JSON.stringify({ accountId: 'acc-1', topic: "it's $HOME `x`" }),
    ]);
  });

  it('names a credential the environment did not hold by its kind, a second user’s token by its variable', () => {
    const scrubber = new Scrubber([{ name: 'access_token2', value: 'second-user-token-42' }]);
    scrubber.scrub({ refresh_token: 'fresh-refresh-token-7' });
    const request = scrubber.scrubRequest({
      method: 'DELETE',
      url: '{{admin_url}}/x',
      headers: { authorization: 'Bearer second-user-token-42', 'x-token': 'fresh-refresh-token-7' },
    });
    const command = curlCommand(request, { variables: scrubber.knownVariables() });
    expect(command).toContain('-H "authorization: Bearer $CLOUDLINK_ACCESS_TOKEN2"');
    expect(command).toContain('-H "x-token: $CLOUDLINK_REFRESH_TOKEN"');
    expect(command).toContain('curl -X DELETE');
  });

  it('needs no comment when nothing is a variable', () => {
    expect(curlCommand({ method: 'HEAD', url: 'http://127.0.0.1:1/health', headers: {} })).toBe('curl --head "http://127.0.0.1:1/health"');
  });
});
