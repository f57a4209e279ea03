// The Send button against the embedded sandbox: the exchange printed with secrets masked and the
// contract checked; a name it does not know is a user mistake with the nearest names.
import { UserError } from '../../harness/user-error';
import { sendRequest } from './send';

describe('npm run send', () => {
  it('sends one named request, prints the answer without secrets and says the contract was kept', async () => {
    const outcome = await sendRequest({ request: 'GET Token', vars: {} });

    expect(outcome.ok).toBe(true);
    expect(outcome.text).toMatch(/^GET Token: GET \{\{auth_url\}\}\/token\n→ 200 in [\d.]+ ms/);
    expect(outcome.text).toContain('contract kept: 200 declared, body valid against authentication/claims');
    expect(outcome.text).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('names the nearest requests for a name it does not know', async () => {
    const error = await sendRequest({ request: 'GET Usres', vars: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^No request "GET Usres"\. Did you mean "GET Users?"/);
  });

  it('asks which collection when the name is in more than one', async () => {
    const error = await sendRequest({ request: 'GET Participants', vars: {} }).catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/is in more than one collection \(.*\): say which with --collection/);
  });
});
